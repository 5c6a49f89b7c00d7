package org.drr.node.evm.ops;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Words;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.state.Word256;
import org.drr.node.types.Address;

/** Conversions between stack words and the values handlers work with. */
final class OpSupport {
  private OpSupport() {}

  /** The low 20 bytes of the word {@code depth} below the top, as an address. */
  static Address addressAt(Stack s, int depth) {
    int p = s.sp - 4 - 4 * depth;
    long[] w = s.words;
    byte[] b = new byte[20];
    int hi = (int) w[p + 2];
    b[0] = (byte) (hi >>> 24);
    b[1] = (byte) (hi >>> 16);
    b[2] = (byte) (hi >>> 8);
    b[3] = (byte) hi;
    Words.putLong(b, 4, w[p + 1]);
    Words.putLong(b, 12, w[p]);
    return Address.wrap(Bytes.wrap(b));
  }

  static void pushAddress(Stack s, Address a) {
    byte[] b = a.bytes().toArrayUnsafe();
    long l2 =
        ((long) (b[0] & 0xFF) << 24)
            | ((long) (b[1] & 0xFF) << 16)
            | ((long) (b[2] & 0xFF) << 8)
            | (b[3] & 0xFF);
    s.push(Words.longAt(b, 12), Words.longAt(b, 4), l2, 0);
  }

  static void pushWord(Stack s, Word256 v) {
    s.push(v.l0(), v.l1(), v.l2(), v.l3());
  }

  /** Pushes a non-negative BigInteger below 2^256. */
  static void pushBigInteger(Stack s, BigInteger v) {
    if (v.signum() == 0) {
      s.pushZero();
      return;
    }
    if (v.bitLength() < 63) {
      s.pushLong(v.longValue());
      return;
    }
    s.pushZero();
    Words.fromBigInteger(v, s.words, s.sp - 4);
  }

  static Word256 wordAt(Stack s, int depth) {
    return Word256.fromLimbs(s.words, s.sp - 4 - 4 * depth);
  }

  /** The word {@code depth} below the top as an unsigned BigInteger. */
  static BigInteger bigIntegerAt(Stack s, int depth) {
    int p = s.sp - 4 - 4 * depth;
    long[] w = s.words;
    if ((w[p + 1] | w[p + 2] | w[p + 3]) == 0 && w[p] >= 0) {
      return BigInteger.valueOf(w[p]);
    }
    return Words.toBigInteger(w, p);
  }

  /** COPY_WORD gas for {@code length} bytes, saturating for absurd lengths. */
  static long copyCost(long length) {
    if (length > (1L << 40)) {
      return Long.MAX_VALUE;
    }
    return GasCosts.COPY_WORD * ((length + 31) >>> 5);
  }

  /** Reads 32 bytes from data at offset (clamped), zero-padded past the end. */
  static void pushPadded(Stack s, byte[] data, long offset) {
    if (offset >= data.length) {
      s.pushZero();
      return;
    }
    int off = (int) offset;
    if (off + 32 <= data.length) {
      s.pushBytes32(data, off);
      return;
    }
    byte[] tmp = new byte[32];
    System.arraycopy(data, off, tmp, 0, data.length - off);
    s.pushBytes32(tmp, 0);
  }
}
