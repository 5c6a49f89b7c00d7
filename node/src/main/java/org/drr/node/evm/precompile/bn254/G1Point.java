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

  /** {@code scalar · this} for a non-negative scalar of any size (double-and-add). */
  public G1Point multiply(BigInteger scalar) {
    G1Point result = INFINITY;
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      result = result.doubled();
      if (scalar.testBit(bit)) {
        result = result.add(this);
      }
    }
    return result;
  }
}
