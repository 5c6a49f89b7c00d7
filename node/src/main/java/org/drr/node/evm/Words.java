package org.drr.node.evm;

import java.math.BigInteger;

/**
 * Conversions for 256-bit words held as four {@code long} limbs (least significant first) at an
 * offset of a {@code long[]}, and between limbs and big-endian bytes.
 *
 * <p>BigInteger appears only in the slow paths (wide division and modular arithmetic), never in
 * the common opcodes.
 */
public final class Words {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Words() {}

  /** Reads 8 big-endian bytes. */
  public static long longAt(byte[] b, int off) {
    return ((long) (b[off] & 0xFF) << 56)
        | ((long) (b[off + 1] & 0xFF) << 48)
        | ((long) (b[off + 2] & 0xFF) << 40)
        | ((long) (b[off + 3] & 0xFF) << 32)
        | ((long) (b[off + 4] & 0xFF) << 24)
        | ((long) (b[off + 5] & 0xFF) << 16)
        | ((long) (b[off + 6] & 0xFF) << 8)
        | (long) (b[off + 7] & 0xFF);
  }

  /** Writes 8 big-endian bytes. */
  public static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** The word at {@code w[p..p+4)} as an unsigned BigInteger. */
  public static BigInteger toBigInteger(long[] w, int p) {
    BigInteger r = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      r = r.shiftLeft(64).or(unsigned(w[p + i]));
    }
    return r;
  }

  /** The word at {@code w[p..p+4)} as a two's-complement signed BigInteger. */
  public static BigInteger toSignedBigInteger(long[] w, int p) {
    BigInteger u = toBigInteger(w, p);
    return w[p + 3] < 0 ? u.subtract(TWO_256) : u;
  }

  /** Stores {@code v mod 2^256} into {@code w[p..p+4)}. */
  public static void fromBigInteger(BigInteger v, long[] w, int p) {
    BigInteger m = v.signum() < 0 || v.bitLength() > 256 ? v.mod(TWO_256) : v;
    for (int i = 0; i < 4; i++) {
      w[p + i] = m.and(MASK_64).longValue();
      m = m.shiftRight(64);
    }
  }

  /** The 32 big-endian bytes of the word at {@code w[p..p+4)}. */
  public static byte[] toBytes(long[] w, int p) {
    byte[] out = new byte[32];
    putLong(out, 0, w[p + 3]);
    putLong(out, 8, w[p + 2]);
    putLong(out, 16, w[p + 1]);
    putLong(out, 24, w[p]);
    return out;
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v & Long.MAX_VALUE);
    return v < 0 ? b.setBit(63) : b;
  }
}
