package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing on bn254 and the product check of EIP-197.
 *
 * <p>G2 points live on the D-type twist and map into E(F_p12) by ψ(x', y') = (x'·w², y'·w³). A
 * line through ψ(T) with twist slope λ' has slope λ'·w on E, so its value at P = (xP, yP) is
 * {@code yP - λ'·xP·w + (λ'·xT' - yT')·w³}. Vertical lines lie in F_p6 and are dropped, since the
 * final exponentiation maps every element of a proper subfield to 1.
 */
public final class Pairing {
  /** The BN parameter u; the ate loop runs over 6u + 2. */
  private static final BigInteger U = new BigInteger("4965661367192848881");
  private static final BigInteger ATE_LOOP = U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
  /** (p⁴ - p² + 1) / r: the hard part of the final exponentiation. */
  private static final BigInteger HARD_EXPONENT;

  static {
    BigInteger p2 = Fp.P.pow(2);
    BigInteger numerator = p2.multiply(p2).subtract(p2).add(BigInteger.ONE);
    BigInteger[] quotient = numerator.divideAndRemainder(G2Point.ORDER);
    if (quotient[1].signum() != 0) {
      throw new IllegalStateException("r does not divide p^4 - p^2 + 1: wrong curve constants");
    }
    HARD_EXPONENT = quotient[0];
  }

  private Pairing() {}

  /** A pair for {@link #isProductOne}: a G1 and a G2 point, each already validated. */
  public record Pair(G1Point p, G2Point q) {}

  /** True when the product of e(P_i, Q_i) over all pairs is 1 (vacuously for no pairs). */
  public static boolean isProductOne(List<Pair> pairs) {
    Fp12 product = Fp12.ONE;
    for (Pair pair : pairs) {
      if (!pair.p().isInfinity() && !pair.q().isInfinity()) {
        product = product.mul(millerLoop(pair.p(), pair.q()));
      }
    }
    return finalExponentiation(product).isOne();
  }

  /** The full pairing e(P, Q), for tests of bilinearity. */
  static Fp12 pair(G1Point p, G2Point q) {
    if (p.isInfinity() || q.isInfinity()) {
      return Fp12.ONE;
    }
    return finalExponentiation(millerLoop(p, q));
  }

  static Fp12 millerLoop(G1Point p, G2Point q) {
    Fp12 f = Fp12.ONE;
    G2Point t = q;
    for (int bit = ATE_LOOP.bitLength() - 2; bit >= 0; bit--) {
      f = f.square().mul(tangentLine(t, p));
      t = t.doubled();
      if (ATE_LOOP.testBit(bit)) {
        f = f.mul(chordLine(t, q, p));
        t = t.add(q);
      }
    }
    G2Point q1 = q.frobenius();
    G2Point minusQ2 = q1.frobenius().negate();
    f = f.mul(chordLine(t, q1, p));
    t = t.add(q1);
    f = f.mul(chordLine(t, minusQ2, p));
    return f;
  }

  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 easy = f.conjugate().mul(f.inverse()); // f^(p⁶ - 1)
    easy = easy.frobenius().frobenius().mul(easy); // ^(p² + 1)
    return easy.pow(HARD_EXPONENT);
  }

  private static Fp12 tangentLine(G2Point t, G1Point p) {
    return line(t.doublingSlope(), t, p);
  }

  /** The line through T and R at P; a vertical line (R = -T) is dropped as 1. */
  private static Fp12 chordLine(G2Point t, G2Point r, G1Point p) {
    if (t.x().equals(r.x())) {
      return t.y().equals(r.y()) ? tangentLine(t, p) : Fp12.ONE;
    }
    Fp2 slope = r.y().sub(t.y()).mul(r.x().sub(t.x()).inverse());
    return line(slope, t, p);
  }

  private static Fp12 line(Fp2 slope, G2Point t, G1Point p) {
    Fp2 yP = new Fp2(p.y(), BigInteger.ZERO);
    Fp2 wCoefficient = slope.mul(p.x()).neg();
    Fp2 w3Coefficient = slope.mul(t.x()).sub(t.y());
    // w = (c1 coefficient of 1), w³ = v·w = (c1 coefficient of v).
    return new Fp12(
        new Fp6(yP, Fp2.ZERO, Fp2.ZERO), new Fp6(wCoefficient, w3Coefficient, Fp2.ZERO));
  }
}
