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
  /** The BN curve seed u: p, r and the ate loop are polynomials in it. */
  static final BigInteger SEED = new BigInteger("4965661367192848881");

  /** ξ^((p-1)/3) and ξ^((p-1)/2): the p-power Frobenius carried back onto the twist. */
  private static final Fp2 FROBENIUS_X =
      Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
  private static final Fp2 FROBENIUS_Y =
      Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.TWO));

  public boolean isInfinity() {
    return x.isZero() && y.isZero();
  }

  /**
   * On the twist curve (coordinates are canonical by construction of {@link Fp2}). Does not check
   * the subgroup.
   */
  public boolean isOnCurve() {
    return isInfinity() || y.square().equals(x.square().mul(x).add(B));
  }

  /** On the curve and of order r (or infinity). */
  public boolean isValid() {
    return isOnCurve() && isInSubgroup();
  }

  /**
   * Membership of a twist point in G2 by the endomorphism test of Dai, Lin, Zhao and Zhou
   * ("Fast subgroup membership testings for G1, G2 and GT on pairing-friendly curves", 2022):
   * P ∈ G2 iff [u+1]P + ψ([u]P) + ψ²([u]P) = ψ³([2u]P), where ψ is {@link #frobenius()}. It
   * holds for bn254 because u ≢ 4 (mod 13) and u ≢ 92 (mod 97), and costs one 63-bit
   * multiplication instead of a 254-bit one by r.
   */
  boolean isInSubgroup() {
    G2Point uP = multiply(SEED);
    G2Point psiUp = uP.frobenius();
    G2Point left = uP.add(this).add(psiUp).add(psiUp.frobenius());
    G2Point right = uP.doubled().frobenius().frobenius().frobenius();
    return left.equals(right);
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

  /**
   * {@code scalar · this} for a non-negative scalar: double-and-add in Jacobian coordinates
   * (x = X/Z², y = Y/Z³), so that only the final conversion inverts.
   */
  public G2Point multiply(BigInteger scalar) {
    if (isInfinity() || scalar.signum() == 0) {
      return INFINITY;
    }
    Fp2[] acc = {Fp2.ONE, Fp2.ONE, Fp2.ZERO}; // (X, Y, Z); Z = 0 is infinity
    for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
      doubleJacobian(acc);
      if (scalar.testBit(bit)) {
        addAffine(acc);
      }
    }
    if (acc[2].isZero()) {
      return INFINITY;
    }
    Fp2 zInverse = acc[2].inverse();
    Fp2 zInverse2 = zInverse.square();
    return new G2Point(acc[0].mul(zInverse2), acc[1].mul(zInverse2.mul(zInverse)));
  }

  /** acc = 2·acc (dbl-2009-l, for a = 0). */
  private static void doubleJacobian(Fp2[] acc) {
    if (acc[2].isZero()) {
      return;
    }
    Fp2 a = acc[0].square();
    Fp2 b = acc[1].square();
    Fp2 c = b.square();
    Fp2 d = acc[0].add(b).square().sub(a).sub(c).doubled();
    Fp2 e = a.doubled().add(a);
    Fp2 x3 = e.square().sub(d.doubled());
    Fp2 y3 = e.mul(d.sub(x3)).sub(c.doubled().doubled().doubled());
    Fp2 z3 = acc[1].mul(acc[2]).doubled();
    acc[0] = x3;
    acc[1] = y3;
    acc[2] = z3;
  }

  /** acc = acc + this, this affine and not infinity (madd-2007-bl). */
  private void addAffine(Fp2[] acc) {
    if (acc[2].isZero()) {
      acc[0] = x;
      acc[1] = y;
      acc[2] = Fp2.ONE;
      return;
    }
    Fp2 z1z1 = acc[2].square();
    Fp2 u2 = x.mul(z1z1);
    Fp2 s2 = y.mul(acc[2].mul(z1z1));
    Fp2 h = u2.sub(acc[0]);
    Fp2 r = s2.sub(acc[1]);
    if (h.isZero()) {
      if (r.isZero()) {
        doubleJacobian(acc);
      } else {
        acc[2] = Fp2.ZERO;
      }
      return;
    }
    r = r.doubled();
    Fp2 hh = h.square();
    Fp2 i = hh.doubled().doubled();
    Fp2 j = h.mul(i);
    Fp2 v = acc[0].mul(i);
    Fp2 x3 = r.square().sub(j).sub(v.doubled());
    Fp2 y3 = r.mul(v.sub(x3)).sub(acc[1].mul(j).doubled());
    Fp2 z3 = acc[2].add(h).square().sub(z1z1).sub(hh);
    acc[0] = x3;
    acc[1] = y3;
    acc[2] = z3;
  }
}
