package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * A point of the sextic twist E': y² = x³ + 3/ξ over F_p2, in affine coordinates; (0, 0) is the
 * point at infinity. G2 is the subgroup of order r, which is much smaller than the twist, so
 * {@link #isValid} checks subgroup membership as well as the curve equation.
 */
public record G2Point(Fp2 x, Fp2 y) {
  public static final G2Point INFINITY = new G2Point(Fp2.ZERO, Fp2.ZERO);
  /** The twist's b' = 3/ξ. */
  static final Fp2 B = Fp2.of(3, 0).mul(Fp2.XI.inverse());
  /** The order r of G1, G2 and the target group. */
  public static final BigInteger ORDER = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  public static final G2Point GENERATOR = new G2Point(
      new Fp2(
          new BigInteger(
              "10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger(
              "11559732032986387107991004021392285783925812861821192530917403151452391805634")),
      new Fp2(
          new BigInteger(
              "8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger(
              "4082367875863433681332203403145435568316851327593401208105741076214120093531")));
  private static final Fp2 THREE = Fp2.of(3, 0);

  /** ξ^((p-1)/3) and ξ^((p-1)/2): the p-power Frobenius carried back onto the twist. */
  private static final Fp2 FROBENIUS_X =
      Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
  private static final Fp2 FROBENIUS_Y =
      Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.TWO));

  public boolean isInfinity() {
    return x.isZero() && y.isZero();
  }

  /** On the twist curve with canonical coordinates. Does not check the subgroup. */
  public boolean isOnCurve() {
    if (!Fp.isCanonical(x.re()) || !Fp.isCanonical(x.im())
        || !Fp.isCanonical(y.re()) || !Fp.isCanonical(y.im())) {
      return false;
    }
    return isInfinity() || y.square().equals(x.square().mul(x).add(B));
  }

  /** On the curve and of order r (or infinity). */
  public boolean isValid() {
    return isOnCurve() && multiply(ORDER).isInfinity();
  }

  public G2Point negate() {
    return isInfinity() ? this : new G2Point(x, y.neg());
  }

  public G2Point add(G2Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    if (x.equals(o.x)) {
      return y.equals(o.y) ? doubled() : INFINITY;
    }
    return through(o.y.sub(y).mul(o.x.sub(x).inverse()), o.x);
  }

  public G2Point doubled() {
    if (isInfinity() || y.isZero()) {
      return INFINITY;
    }
    return through(doublingSlope(), x);
  }

  /** Slope of the tangent at this point: 3x² / 2y. */
  Fp2 doublingSlope() {
    return THREE.mul(x.square()).mul(y.doubled().inverse());
  }

  /** The point -(third intersection) of the line of {@code slope} through this and otherX. */
  G2Point through(Fp2 slope, Fp2 otherX) {
    Fp2 x3 = slope.square().sub(x).sub(otherX);
    Fp2 y3 = slope.mul(x.sub(x3)).sub(y);
    return new G2Point(x3, y3);
  }

  /** The image of the p-power Frobenius of E(F_p12), expressed on the twist. */
  G2Point frobenius() {
    return new G2Point(x.conjugate().mul(FROBENIUS_X), y.conjugate().mul(FROBENIUS_Y));
  }

  /** {@code scalar · this} for a non-negative scalar (double-and-add). */
  public G2Point multiply(BigInteger scalar) {
    G2Point result = INFINITY;
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      result = result.doubled();
      if (scalar.testBit(bit)) {
        result = result.add(this);
      }
    }
    return result;
  }
}
