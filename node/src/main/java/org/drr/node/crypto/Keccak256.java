package org.drr.node.crypto;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). */
public final class Keccak256 {
  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final Bytes32 EMPTY = hash(Bytes.EMPTY);

  private Keccak256() {}

  public static Bytes32 hash(Bytes input) {
    return Bytes32.wrap(hash(input.toArrayUnsafe(), 0, input.size()));
  }

  /** Hashes {@code length} bytes of {@code input} from {@code offset}; returns 32 fresh bytes. */
  public static byte[] hash(byte[] input, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
