package org.drr.node.crypto;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).
 *
 * <p>Each thread reuses one digest (BouncyCastle's resets itself after {@code doFinal}), so
 * hashing allocates only its 32-byte result, or nothing with {@link #hashInto}.
 */
public final class Keccak256 {
  private static final ThreadLocal<KeccakDigest> DIGEST =
      ThreadLocal.withInitial(() -> new KeccakDigest(256));

  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final Bytes32 EMPTY = hash(Bytes.EMPTY);

  private Keccak256() {}

  public static Bytes32 hash(Bytes input) {
    return Bytes32.wrap(hash(input.toArrayUnsafe(), 0, input.size()));
  }

  public static Bytes32 hash(byte[] input) {
    return Bytes32.wrap(hash(input, 0, input.length));
  }

  /** Hashes {@code length} bytes of {@code input} from {@code offset}; returns 32 fresh bytes. */
  public static byte[] hash(byte[] input, int offset, int length) {
    byte[] out = new byte[32];
    hashInto(input, offset, length, out, 0);
    return out;
  }

  /** Hashes {@code length} bytes of {@code input} from {@code offset} into {@code out}. */
  public static void hashInto(byte[] input, int offset, int length, byte[] out, int outOffset) {
    KeccakDigest digest = DIGEST.get();
    digest.update(input, offset, length);
    digest.doFinal(out, outOffset);
  }
}
