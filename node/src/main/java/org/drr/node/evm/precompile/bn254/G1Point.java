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
   * coordinates (x = X/Z², y = Y/Z³), so that only the final conversion inverts.
   */
  public G1Point multiply(BigInteger scalar) {
    if (isInfinity() || scalar.signum() == 0) {
      return INFINITY;
    }
    // Accumulator (X, Y, Z); Z = 0 is infinity.
    BigInteger[] acc = {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      doubleJacobian(acc);
      if (scalar.testBit(bit)) {
        addAffine(acc);
      }
    }
    if (acc[2].signum() == 0) {
      return INFINITY;
    }
    BigInteger zInverse = Fp.inverse(acc[2]);
    BigInteger zInverse2 = Fp.square(zInverse);
    return new G1Point(Fp.mul(acc[0], zInverse2), Fp.mul(acc[1], Fp.mul(zInverse2, zInverse)));
  }

  /** acc = 2·acc (dbl-2009-l, for a = 0). */
  private static void doubleJacobian(BigInteger[] acc) {
    if (acc[2].signum() == 0) {
      return;
    }
    BigInteger a = Fp.square(acc[0]);
    BigInteger b = Fp.square(acc[1]);
    BigInteger c = Fp.square(b);
    BigInteger d = Fp.sub(Fp.sub(Fp.square(Fp.add(acc[0], b)), a), c);
    d = Fp.add(d, d);
    BigInteger e = Fp.add(Fp.add(a, a), a);
    BigInteger x3 = Fp.sub(Fp.square(e), Fp.add(d, d));
    BigInteger eightC = c.shiftLeft(3).mod(Fp.P);
    BigInteger y3 = Fp.sub(Fp.mul(e, Fp.sub(d, x3)), eightC);
    BigInteger z3 = Fp.mul(acc[1], acc[2]);
    acc[0] = x3;
    acc[1] = y3;
    acc[2] = Fp.add(z3, z3);
  }

  /** acc = acc + this, this affine and not infinity (madd-2007-bl). */
  private void addAffine(BigInteger[] acc) {
    if (acc[2].signum() == 0) {
      acc[0] = x;
      acc[1] = y;
      acc[2] = BigInteger.ONE;
      return;
    }
    BigInteger z1z1 = Fp.square(acc[2]);
    BigInteger u2 = Fp.mul(x, z1z1);
    BigInteger s2 = Fp.mul(y, Fp.mul(acc[2], z1z1));
    BigInteger h = Fp.sub(u2, acc[0]);
    BigInteger r = Fp.sub(s2, acc[1]);
    if (h.signum() == 0) {
      if (r.signum() == 0) {
        doubleJacobian(acc);
      } else {
        acc[2] = BigInteger.ZERO;
      }
      return;
    }
    r = Fp.add(r, r);
    BigInteger hh = Fp.square(h);
    BigInteger i = hh.shiftLeft(2).mod(Fp.P);
    BigInteger j = Fp.mul(h, i);
    BigInteger v = Fp.mul(acc[0], i);
    BigInteger x3 = Fp.sub(Fp.sub(Fp.square(r), j), Fp.add(v, v));
    BigInteger y1j = Fp.mul(acc[1], j);
    BigInteger y3 = Fp.sub(Fp.mul(r, Fp.sub(v, x3)), Fp.add(y1j, y1j));
    BigInteger z3 = Fp.sub(Fp.sub(Fp.square(Fp.add(acc[2], h)), z1z1), hh);
    acc[0] = x3;
    acc[1] = y3;
    acc[2] = z3;
  }
}
