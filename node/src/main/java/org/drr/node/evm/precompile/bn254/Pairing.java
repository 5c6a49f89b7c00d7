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
    return finalExponentiation(millerLoop(pairs)).isOne();
  }

  /** The full pairing e(P, Q), for tests of bilinearity. */
  static Fp12 pair(G1Point p, G2Point q) {
    return finalExponentiation(millerLoop(List.of(new Pair(p, q))));
  }

  /**
   * The product of the Miller functions of all pairs, computed in one loop so that the
   * accumulator is squared once per step for all of them. Pairs with a point at infinity
   * contribute 1 and are skipped.
   */
  static Fp12 millerLoop(List<Pair> pairs) {
    List<Pair> active = pairs.stream()
        .filter(pair -> !pair.p().isInfinity() && !pair.q().isInfinity())
        .toList();
    G2Point[] t = new G2Point[active.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = active.get(i).q();
    }
    Fp12 f = Fp12.ONE;
    for (int bit = ATE_LOOP.bitLength() - 2; bit >= 0; bit--) {
      f = f.square();
      for (int i = 0; i < t.length; i++) {
        G1Point p = active.get(i).p();
        Fp2 slope = t[i].doublingSlope();
        f = mulByLine(f, slope, t[i], p);
        t[i] = t[i].through(slope, t[i].x());
        if (ATE_LOOP.testBit(bit)) {
          f = addStep(f, t, i, active.get(i).q(), p);
        }
      }
    }
    for (int i = 0; i < t.length; i++) {
      G1Point p = active.get(i).p();
      G2Point q1 = active.get(i).q().frobenius();
      G2Point minusQ2 = q1.frobenius().negate();
      f = addStep(f, t, i, q1, p);
      f = addStep(f, t, i, minusQ2, p);
    }
    return f;
  }

  /**
   * Multiplies f by the line through t[i] and r evaluated at p, and sets t[i] = t[i] + r. For a
   * valid G2 point the loop never meets t[i] = ±r; the cases are handled for completeness (a
   * vertical line is dropped as 1).
   */
  private static Fp12 addStep(Fp12 f, G2Point[] t, int i, G2Point r, G1Point p) {
    G2Point current = t[i];
    if (current.x().equals(r.x())) {
      if (!current.y().equals(r.y())) {
        t[i] = G2Point.INFINITY;
        return f;
      }
      Fp2 slope = current.doublingSlope();
      t[i] = current.through(slope, current.x());
      return mulByLine(f, slope, current, p);
    }
    Fp2 slope = r.y().sub(current.y()).mul(r.x().sub(current.x()).inverse());
    t[i] = current.through(slope, r.x());
    return mulByLine(f, slope, current, p);
  }

  /** f times the line of twist slope λ' through t, at p: yP - λ'·xP·w + (λ'·xT - yT)·v·w. */
  private static Fp12 mulByLine(Fp12 f, Fp2 slope, G2Point t, G1Point p) {
    return f.mulByLine(p.y(), slope.mul(p.x()).neg(), slope.mul(t.x()).sub(t.y()));
  }

  /**
   * f^((p¹² - 1) / r). The easy part (p⁶ - 1)(p² + 1) uses conjugation and Frobenius; the hard
   * part (p⁴ - p² + 1) / r follows the addition chain of Scott et al., "On the final
   * exponentiation for calculating pairings on ordinary elliptic curves" (2009), which spends
   * three exponentiations by u instead of one by a 760-bit exponent.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t = f.conjugate().mul(f.inverse()); // f^(p⁶ - 1)
    t = t.frobenius().frobenius().mul(t); // ^(p² + 1); t is now in the cyclotomic subgroup,
    // where the inverse is the conjugate.
    Fp12 fp = t.frobenius();
    Fp12 fp2 = fp.frobenius();
    Fp12 fp3 = fp2.frobenius();
    Fp12 fu = t.pow(U);
    Fp12 fu2 = fu.pow(U);
    Fp12 fu3 = fu2.pow(U);
    Fp12 y0 = fp.mul(fp2).mul(fp3);
    Fp12 y1 = t.conjugate();
    Fp12 y2 = fu2.frobenius().frobenius();
    Fp12 y3 = fu.frobenius().conjugate();
    Fp12 y4 = fu.mul(fu2.frobenius()).conjugate();
    Fp12 y5 = fu2.conjugate();
    Fp12 y6 = fu3.mul(fu3.frobenius()).conjugate();
    Fp12 t0 = y6.square().mul(y4).mul(y5);
    Fp12 t1 = y3.mul(y5).mul(t0);
    t0 = t0.mul(y2);
    t1 = t1.square().mul(t0).square();
    t0 = t1.mul(y1);
    t1 = t1.mul(y0);
    return t0.square().mul(t1);
  }

  /** The final exponentiation by its definition, to check {@link #finalExponentiation}. */
  static Fp12 finalExponentiationByDefinition(Fp12 f) {
    Fp12 easy = f.conjugate().mul(f.inverse());
    easy = easy.frobenius().frobenius().mul(easy);
    return easy.pow(HARD_EXPONENT);
  }
}
