package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Arithmetic in F_p on four little-endian 64-bit limbs in Montgomery form (x·2²⁵⁶ mod p), the
 * hot path of the pairing: one product is a few dozen machine multiplications instead of a
 * BigInteger product and division. Every method takes canonical operands (below p) and returns
 * a fresh canonical array; arrays are never modified after creation.
 */
final class Mont {
  private static final long P0 = 0x3c208c16d87cfd47L;
  private static final long P1 = 0x97816a916871ca8dL;
  private static final long P2 = 0xb85045b68181585dL;
  private static final long P3 = 0x30644e72e131a029L;
  /** -p⁻¹ mod 2⁶⁴, for the reduction step. */
  private static final long N0_INVERSE =
      BigInteger.ONE.shiftLeft(64).subtract(Fp.P.modInverse(BigInteger.ONE.shiftLeft(64)))
          .longValue();
  /** R² mod p for R = 2²⁵⁶, as plain limbs: multiplying by it enters Montgomery form. */
  private static final long[] R_SQUARED = limbs(BigInteger.ONE.shiftLeft(512).mod(Fp.P));

  static final long[] ZERO = new long[4];
  static final long[] ONE = fromBigInteger(BigInteger.ONE);

  static {
    if (!toLimbsPlain(Fp.P).equals(java.util.List.of(P0, P1, P2, P3))) {
      throw new IllegalStateException("Montgomery limbs do not match the bn254 modulus");
    }
  }

  private Mont() {}

  private static java.util.List<Long> toLimbsPlain(BigInteger value) {
    long[] limbs = limbs(value);
    return java.util.List.of(limbs[0], limbs[1], limbs[2], limbs[3]);
  }

  private static long[] limbs(BigInteger value) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      out[i] = value.shiftRight(64 * i).longValue();
    }
    return out;
  }

  /** The Montgomery form of a canonical residue: x·R = mont(x, R²). */
  static long[] fromBigInteger(BigInteger canonical) {
    return mul(limbs(canonical), R_SQUARED);
  }

  /** The canonical residue a Montgomery-form value stands for: mont(a, 1). */
  static BigInteger toBigInteger(long[] a) {
    long[] plain = mul(a, new long[] {1, 0, 0, 0});
    byte[] bytes = new byte[33]; // leading zero byte keeps the value positive
    for (int i = 0; i < 4; i++) {
      long limb = plain[i];
      for (int b = 0; b < 8; b++) {
        bytes[32 - 8 * i - b] = (byte) (limb >>> (8 * b));
      }
    }
    return new BigInteger(bytes);
  }

  static boolean isZero(long[] a) {
    return (a[0] | a[1] | a[2] | a[3]) == 0;
  }

  static long[] add(long[] a, long[] b) {
    long r0 = a[0] + b[0];
    long c = carry(r0, a[0]);
    long s1 = a[1] + b[1];
    long c1 = carry(s1, a[1]);
    long r1 = s1 + c;
    c = c1 | carry(r1, s1);
    long s2 = a[2] + b[2];
    long c2 = carry(s2, a[2]);
    long r2 = s2 + c;
    c = c2 | carry(r2, s2);
    long r3 = a[3] + b[3] + c; // p < 2^254, so the top limb never overflows
    return reduceOnce(r0, r1, r2, r3);
  }

  static long[] sub(long[] a, long[] b) {
    long r0 = a[0] - b[0];
    long borrow = borrow(a[0], b[0]);
    long d1 = a[1] - b[1];
    long b1 = borrow(a[1], b[1]);
    long r1 = d1 - borrow;
    borrow = b1 | borrow(d1, borrow);
    long d2 = a[2] - b[2];
    long b2 = borrow(a[2], b[2]);
    long r2 = d2 - borrow;
    borrow = b2 | borrow(d2, borrow);
    long d3 = a[3] - b[3];
    long b3 = borrow(a[3], b[3]);
    long r3 = d3 - borrow;
    borrow = b3 | borrow(d3, borrow);
    if (borrow == 0) {
      return new long[] {r0, r1, r2, r3};
    }
    // Went below zero: add p back.
    long s0 = r0 + P0;
    long c = carry(s0, r0);
    long t1 = r1 + P1;
    long c1 = carry(t1, r1);
    long s1 = t1 + c;
    c = c1 | carry(s1, t1);
    long t2 = r2 + P2;
    long c2 = carry(t2, r2);
    long s2 = t2 + c;
    c = c2 | carry(s2, t2);
    long s3 = r3 + P3 + c;
    return new long[] {s0, s1, s2, s3};
  }

  static long[] neg(long[] a) {
    return isZero(a) ? a : sub(ZERO, a);
  }

  /** Montgomery product a·b·2⁻²⁵⁶ mod p (coarsely integrated operand scanning). */
  static long[] mul(long[] a, long[] b) {
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    long t4 = 0;
    for (int i = 0; i < 4; i++) {
      long bi = b[i];
      // t += a · b[i]
      long lo = a[0] * bi;
      long hi = Math.unsignedMultiplyHigh(a[0], bi);
      t0 += lo;
      hi += carry(t0, lo);
      long c = hi;
      lo = a[1] * bi;
      hi = Math.unsignedMultiplyHigh(a[1], bi);
      lo += c;
      hi += carry(lo, c);
      t1 += lo;
      hi += carry(t1, lo);
      c = hi;
      lo = a[2] * bi;
      hi = Math.unsignedMultiplyHigh(a[2], bi);
      lo += c;
      hi += carry(lo, c);
      t2 += lo;
      hi += carry(t2, lo);
      c = hi;
      lo = a[3] * bi;
      hi = Math.unsignedMultiplyHigh(a[3], bi);
      lo += c;
      hi += carry(lo, c);
      t3 += lo;
      hi += carry(t3, lo);
      c = hi;
      t4 += c;
      long t5 = carry(t4, c);
      // t = (t + m·p) / 2⁶⁴, with m chosen so that the low limb cancels.
      long m = t0 * N0_INVERSE;
      lo = m * P0;
      hi = Math.unsignedMultiplyHigh(m, P0);
      lo += t0;
      hi += carry(lo, t0);
      c = hi;
      lo = m * P1;
      hi = Math.unsignedMultiplyHigh(m, P1);
      lo += c;
      hi += carry(lo, c);
      lo += t1;
      hi += carry(lo, t1);
      t0 = lo;
      c = hi;
      lo = m * P2;
      hi = Math.unsignedMultiplyHigh(m, P2);
      lo += c;
      hi += carry(lo, c);
      lo += t2;
      hi += carry(lo, t2);
      t1 = lo;
      c = hi;
      lo = m * P3;
      hi = Math.unsignedMultiplyHigh(m, P3);
      lo += c;
      hi += carry(lo, c);
      lo += t3;
      hi += carry(lo, t3);
      t2 = lo;
      c = hi;
      t3 = t4 + c;
      t4 = t5 + carry(t3, c);
    }
    if (t4 != 0) {
      return subtractP(t0, t1, t2, t3);
    }
    return reduceOnce(t0, t1, t2, t3);
  }

  static long[] square(long[] a) {
    return mul(a, a);
  }

  /** The inverse of a non-zero element (rare: once per slope, so BigInteger is fine). */
  static long[] inverse(long[] a) {
    return fromBigInteger(toBigInteger(a).modInverse(Fp.P));
  }

  /** r - p if r ≥ p, else r. */
  private static long[] reduceOnce(long r0, long r1, long r2, long r3) {
    if (lessThanP(r0, r1, r2, r3)) {
      return new long[] {r0, r1, r2, r3};
    }
    return subtractP(r0, r1, r2, r3);
  }

  private static boolean lessThanP(long r0, long r1, long r2, long r3) {
    if (r3 != P3) {
      return Long.compareUnsigned(r3, P3) < 0;
    }
    if (r2 != P2) {
      return Long.compareUnsigned(r2, P2) < 0;
    }
    if (r1 != P1) {
      return Long.compareUnsigned(r1, P1) < 0;
    }
    return Long.compareUnsigned(r0, P0) < 0;
  }

  private static long[] subtractP(long r0, long r1, long r2, long r3) {
    long s0 = r0 - P0;
    long borrow = borrow(r0, P0);
    long d1 = r1 - P1;
    long b1 = borrow(r1, P1);
    long s1 = d1 - borrow;
    borrow = b1 | borrow(d1, borrow);
    long d2 = r2 - P2;
    long b2 = borrow(r2, P2);
    long s2 = d2 - borrow;
    borrow = b2 | borrow(d2, borrow);
    long s3 = r3 - P3 - borrow;
    return new long[] {s0, s1, s2, s3};
  }

  /** 1 if {@code sum = x + y} wrapped around, given {@code sum} and one addend. */
  private static long carry(long sum, long addend) {
    return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
  }

  /** 1 if {@code x - y} borrows. */
  private static long borrow(long x, long y) {
    return Long.compareUnsigned(x, y) < 0 ? 1 : 0;
  }
}
