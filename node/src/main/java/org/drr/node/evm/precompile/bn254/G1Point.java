package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * A point of G1: the curve y² = x³ + 3 over F_p, in affine coordinates. The point at infinity is
 * (0, 0), which is not on the curve, as in the EVM encoding (EIP-196). G1 has prime order r and
 * cofactor 1, so every curve point is in the group.
 */
public record G1Point(BigInteger x, BigInteger y) {
  public static final G1Point INFINITY = new G1Point(BigInteger.ZERO, BigInteger.ZERO);
  public static final G1Point GENERATOR = new G1Point(BigInteger.ONE, BigInteger.TWO);
  private static final BigInteger B = BigInteger.valueOf(3);
  private static final BigInteger THREE = BigInteger.valueOf(3);

  public boolean isInfinity() {
    return x.signum() == 0 && y.signum() == 0;
  }

  /** True for infinity and for points satisfying the curve equation; coordinates are canonical. */
  public boolean isValid() {
    if (!Fp.isCanonical(x) || !Fp.isCanonical(y)) {
      return false;
    }
    return isInfinity() || Fp.square(y).equals(Fp.add(Fp.mul(Fp.square(x), x), B));
  }

  public G1Point negate() {
    return isInfinity() ? this : new G1Point(x, Fp.neg(y));
  }

  public G1Point add(G1Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    if (x.equals(o.x)) {
      return y.equals(o.y) ? doubled() : INFINITY;
    }
    BigInteger slope = Fp.mul(Fp.sub(o.y, y), Fp.inverse(Fp.sub(o.x, x)));
    return through(slope, o.x);
  }

  public G1Point doubled() {
    if (isInfinity() || y.signum() == 0) {
      return INFINITY;
    }
    BigInteger slope =
        Fp.mul(Fp.mul(THREE, Fp.square(x)), Fp.inverse(Fp.add(y, y)));
    return through(slope, x);
  }

  /** The third intersection of the line of {@code slope} through this and (otherX, …), negated. */
  private G1Point through(BigInteger slope, BigInteger otherX) {
    BigInteger x3 = Fp.sub(Fp.sub(Fp.square(slope), x), otherX);
    BigInteger y3 = Fp.sub(Fp.mul(slope, Fp.sub(x, x3)), y);
    return new G1Point(x3, y3);
  }

  /**
   * {@code scalar · this} for a non-negative scalar of any size: double-and-add in Jacobian
   * coordinates (x = X/Z², y = Y/Z³) on Montgomery limbs, so that only the final conversion
   * inverts.
   */
  public G1Point multiply(BigInteger scalar) {
    if (isInfinity() || scalar.signum() == 0) {
      return INFINITY;
    }
    long[] ax = Mont.fromBigInteger(x);
    long[] ay = Mont.fromBigInteger(y);
    long[][] acc = {Mont.ONE, Mont.ONE, Mont.ZERO}; // (X, Y, Z); Z = 0 is infinity
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      doubleJacobian(acc);
      if (scalar.testBit(bit)) {
        addAffine(acc, ax, ay);
      }
    }
    if (Mont.isZero(acc[2])) {
      return INFINITY;
    }
    long[] zInverse = Mont.inverse(acc[2]);
    long[] zInverse2 = Mont.square(zInverse);
    return new G1Point(
        Mont.toBigInteger(Mont.mul(acc[0], zInverse2)),
        Mont.toBigInteger(Mont.mul(acc[1], Mont.mul(zInverse2, zInverse))));
  }

  /** acc = 2·acc (dbl-2009-l, for a = 0). */
  private static void doubleJacobian(long[][] acc) {
    if (Mont.isZero(acc[2])) {
      return;
    }
    long[] a = Mont.square(acc[0]);
    long[] b = Mont.square(acc[1]);
    long[] c = Mont.square(b);
    long[] d = Mont.sub(Mont.sub(Mont.square(Mont.add(acc[0], b)), a), c);
    d = Mont.add(d, d);
    long[] e = Mont.add(Mont.add(a, a), a);
    long[] x3 = Mont.sub(Mont.square(e), Mont.add(d, d));
    long[] twoC = Mont.add(c, c);
    long[] fourC = Mont.add(twoC, twoC);
    long[] y3 = Mont.sub(Mont.mul(e, Mont.sub(d, x3)), Mont.add(fourC, fourC));
    long[] z3 = Mont.mul(acc[1], acc[2]);
    acc[0] = x3;
    acc[1] = y3;
    acc[2] = Mont.add(z3, z3);
  }

  /** acc = acc + (ax, ay), an affine point that is not infinity (madd-2007-bl). */
  private static void addAffine(long[][] acc, long[] ax, long[] ay) {
    if (Mont.isZero(acc[2])) {
      acc[0] = ax;
      acc[1] = ay;
      acc[2] = Mont.ONE;
      return;
    }
    long[] z1z1 = Mont.square(acc[2]);
    long[] u2 = Mont.mul(ax, z1z1);
    long[] s2 = Mont.mul(ay, Mont.mul(acc[2], z1z1));
    long[] h = Mont.sub(u2, acc[0]);
    long[] r = Mont.sub(s2, acc[1]);
    if (Mont.isZero(h)) {
      if (Mont.isZero(r)) {
        doubleJacobian(acc);
      } else {
        acc[2] = Mont.ZERO;
      }
      return;
    }
    r = Mont.add(r, r);
    long[] hh = Mont.square(h);
    long[] twoHh = Mont.add(hh, hh);
    long[] i = Mont.add(twoHh, twoHh);
    long[] j = Mont.mul(h, i);
    long[] v = Mont.mul(acc[0], i);
    long[] x3 = Mont.sub(Mont.sub(Mont.square(r), j), Mont.add(v, v));
    long[] y1j = Mont.mul(acc[1], j);
    long[] y3 = Mont.sub(Mont.mul(r, Mont.sub(v, x3)), Mont.add(y1j, y1j));
    long[] z3 = Mont.sub(Mont.sub(Mont.square(Mont.add(acc[2], h)), z1z1), hh);
    acc[0] = x3;
    acc[1] = y3;
    acc[2] = z3;
  }
}
