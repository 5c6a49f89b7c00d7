package org.drr.node.evm;

/**
 * Unsigned division of up to 512-bit dividends by up to 256-bit divisors without BigInteger
 * (Knuth, TAOCP vol. 2, 4.3.1, Algorithm D, on 32-bit digits). Used by DIV, MOD, SDIV, SMOD,
 * ADDMOD and MULMOD. All buffers live in one instance, reused per frame, so nothing is allocated
 * per opcode.
 */
public final class WideDivision {
  private static final long M = 0xFFFFFFFFL;

  /** Dividend digits (little-endian, 32 bits each); callers fill {@link #u} then call divide. */
  final int[] u = new int[17];
  final int[] v = new int[8];
  final int[] q = new int[17];
  final int[] r = new int[8];
  private final int[] un = new int[18];
  private final int[] vn = new int[8];

  /**
   * Divides u[0..uLen) by v[0..vLen) (v non-zero), leaving the quotient in q (uLen digits) and
   * the remainder in r (vLen digits).
   */
  void divide(int uLen, int vLen) {
    while (vLen > 0 && v[vLen - 1] == 0) {
      vLen--;
    }
    while (uLen > 0 && u[uLen - 1] == 0) {
      uLen--;
    }
    java.util.Arrays.fill(q, 0);
    java.util.Arrays.fill(r, 0);
    if (uLen < vLen) {
      System.arraycopy(u, 0, r, 0, uLen);
      return;
    }
    if (vLen == 1) {
      long d = v[0] & M;
      long k = 0;
      for (int j = uLen - 1; j >= 0; j--) {
        long cur = (k << 32) | (u[j] & M);
        long qj = Long.divideUnsigned(cur, d);
        q[j] = (int) qj;
        k = cur - qj * d;
      }
      r[0] = (int) k;
      return;
    }
    int n = vLen;
    int m = uLen - n;
    int s = Integer.numberOfLeadingZeros(v[n - 1]);
    for (int i = n - 1; i > 0; i--) {
      vn[i] = s == 0 ? v[i] : (v[i] << s) | (v[i - 1] >>> (32 - s));
    }
    vn[0] = v[0] << s;
    un[uLen] = s == 0 ? 0 : u[uLen - 1] >>> (32 - s);
    for (int i = uLen - 1; i > 0; i--) {
      un[i] = s == 0 ? u[i] : (u[i] << s) | (u[i - 1] >>> (32 - s));
    }
    un[0] = u[0] << s;
    long vTop = vn[n - 1] & M;
    long vNext = vn[n - 2] & M;
    for (int j = m; j >= 0; j--) {
      long num = ((un[j + n] & M) << 32) | (un[j + n - 1] & M);
      long qhat = Long.divideUnsigned(num, vTop);
      long rhat = num - qhat * vTop;
      while (Long.compareUnsigned(qhat, M) > 0
          || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & M)) > 0) {
        qhat--;
        rhat += vTop;
        if (rhat > M) {
          break;
        }
      }
      long k = 0;
      long t;
      for (int i = 0; i < n; i++) {
        long p = qhat * (vn[i] & M);
        t = (un[i + j] & M) - k - (p & M);
        un[i + j] = (int) t;
        k = (p >>> 32) - (t >> 32);
      }
      t = (un[j + n] & M) - k;
      un[j + n] = (int) t;
      if (t < 0) {
        qhat--;
        k = 0;
        for (int i = 0; i < n; i++) {
          t = (un[i + j] & M) + (vn[i] & M) + k;
          un[i + j] = (int) t;
          k = t >>> 32;
        }
        un[j + n] += (int) k;
      }
      q[j] = (int) qhat;
    }
    for (int i = 0; i < n; i++) {
      r[i] = s == 0 ? un[i] : (un[i] >>> s) | (un[i + 1] << (32 - s));
    }
  }

  /** Loads the word at w[p..p+4) into digits[off..off+8). */
  static void load(long[] w, int p, int[] digits, int off) {
    for (int i = 0; i < 4; i++) {
      digits[off + 2 * i] = (int) w[p + i];
      digits[off + 2 * i + 1] = (int) (w[p + i] >>> 32);
    }
  }

  /** Stores digits[off..off+8) into the word at w[p..p+4). */
  static void store(int[] digits, int off, long[] w, int p) {
    for (int i = 0; i < 4; i++) {
      w[p + i] = (digits[off + 2 * i] & M) | ((long) digits[off + 2 * i + 1] << 32);
    }
  }

  /** w[r..] = w[a..] / w[b..] (b non-zero); remainder instead if {@code wantRemainder}. */
  public void divide(long[] w, int a, int b, int result, boolean wantRemainder) {
    java.util.Arrays.fill(u, 0);
    load(w, a, u, 0);
    load(w, b, v, 0);
    divide(8, 8);
    store(wantRemainder ? r : q, 0, w, result);
  }

  /** w[r..] = (w[a..] + w[b..]) mod w[n..] (n non-zero), with the 257-bit sum kept whole. */
  public void addMod(long[] w, int a, int b, int n, int result) {
    java.util.Arrays.fill(u, 0);
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long x = w[a + i];
      long y = w[b + i];
      long lo = (x & M) + (y & M) + carry;
      long hi = (x >>> 32) + (y >>> 32) + (lo >>> 32);
      u[2 * i] = (int) lo;
      u[2 * i + 1] = (int) hi;
      carry = hi >>> 32;
    }
    u[8] = (int) carry;
    load(w, n, v, 0);
    divide(9, 8);
    store(r, 0, w, result);
  }

  /** w[r..] = (w[a..] * w[b..]) mod w[n..] (n non-zero), with the 512-bit product kept whole. */
  public void mulMod(long[] w, int a, int b, int n, int result) {
    java.util.Arrays.fill(u, 0);
    for (int i = 0; i < 8; i++) {
      long x = (i & 1) == 0 ? w[a + (i >> 1)] & M : w[a + (i >> 1)] >>> 32;
      if (x == 0) {
        continue;
      }
      long k = 0;
      for (int j = 0; j < 8; j++) {
        long y = (j & 1) == 0 ? w[b + (j >> 1)] & M : w[b + (j >> 1)] >>> 32;
        long t = x * y + (u[i + j] & M) + k; // < 2^64 as unsigned
        u[i + j] = (int) t;
        k = t >>> 32;
      }
      u[i + 8] = (int) k;
    }
    load(w, n, v, 0);
    divide(16, 8);
    store(r, 0, w, result);
  }
}
