package org.drr.node.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding 0x01…0x80, not NIST SHA3-256's 0x06).
 * A sponge over {@link KeccakF1600} with a 136-byte rate: input lanes are XORed straight from the
 * caller's array, and each thread reuses one state, so hashing allocates only its 32-byte result,
 * or nothing with {@link #hashInto}.
 */
public final class Keccak256 {
  private static final int RATE = 136;
  private static final int RATE_LANES = RATE / 8;
  private static final VarHandle LANE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ThreadLocal<long[]> STATE = ThreadLocal.withInitial(() -> new long[25]);

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
    if (offset < 0 || length < 0 || offset + length > input.length) {
      throw new IndexOutOfBoundsException(
          "range " + offset + "+" + length + " outside array of " + input.length);
    }
    long[] state = STATE.get();
    Arrays.fill(state, 0);
    int pos = offset;
    int end = offset + length;
    for (; end - pos >= RATE; pos += RATE) {
      for (int i = 0; i < RATE_LANES; i++) {
        state[i] ^= (long) LANE.get(input, pos + 8 * i);
      }
      KeccakF1600.permute(state);
    }
    int remaining = end - pos;
    int fullLanes = remaining >>> 3;
    for (int i = 0; i < fullLanes; i++) {
      state[i] ^= (long) LANE.get(input, pos + 8 * i);
    }
    int tailStart = pos + 8 * fullLanes;
    int tail = remaining & 7;
    long last = 0;
    for (int i = 0; i < tail; i++) {
      last |= (input[tailStart + i] & 0xffL) << (8 * i);
    }
    // Padding: 0x01 right after the message, 0x80 in the rate's last byte (byte 135).
    state[fullLanes] ^= last | (0x01L << (8 * tail));
    state[RATE_LANES - 1] ^= 0x8000000000000000L;
    KeccakF1600.permute(state);
    for (int i = 0; i < 4; i++) {
      LANE.set(out, outOffset + 8 * i, state[i]);
    }
  }
}
