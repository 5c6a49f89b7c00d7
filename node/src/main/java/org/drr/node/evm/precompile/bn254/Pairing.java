package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing on bn254 and the product check of EIP-197.
 *
 * <p>G2 points live on the D-type twist and map into E(F_p12) by ψ(x', y') = (x'·w², y'·w³). A
 * line through ψ(T) with twist slope λ' has slope λ'·w on E, so its value at P = (xP, yP) is
 * {@code yP - λ'·xP·w + (λ'·xT' - yT')·w³}. The Miller loop keeps T in projective coordinates
 * and evaluates each line scaled by an F_p2 factor, so it never inverts; such factors, like
 * vertical lines (which lie in F_p6), are mapped to 1 by the final exponentiation.
 */
public final class Pairing {
  /** The BN parameter u; the ate loop runs over 6u + 2. */
  private static final BigInteger U = G2Point.SEED;
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

  /** 3b' for the twist's b' = 3/ξ, used by the doubling step. */
  private static final Fp2 THREE_B = G2Point.B.doubled().add(G2Point.B);
  /** 1/2 as a real F_p2 element. */
  private static final Fp2 HALF =
      Fp2.ofReal(Fp.P.add(BigInteger.ONE).shiftRight(1));

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
    int n = active.size();
    Fp2[][] t = new Fp2[n][];
    Fp2[] px = new Fp2[n];
    Fp2[] py = new Fp2[n];
    for (int i = 0; i < n; i++) {
      G2Point q = active.get(i).q();
      t[i] = new Fp2[] {q.x(), q.y(), Fp2.ONE};
      px[i] = Fp2.ofReal(active.get(i).p().x());
      py[i] = Fp2.ofReal(active.get(i).p().y());
    }
    Fp12 f = Fp12.ONE;
    for (int bit = ATE_LOOP.bitLength() - 2; bit >= 0; bit--) {
      f = f.square();
      for (int i = 0; i < n; i++) {
        f = doublingStep(f, t[i], px[i], py[i]);
        if (ATE_LOOP.testBit(bit)) {
          f = additionStep(f, t[i], active.get(i).q(), px[i], py[i]);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      G2Point q1 = active.get(i).q().frobenius();
      G2Point minusQ2 = q1.frobenius().negate();
      f = additionStep(f, t[i], q1, px[i], py[i]);
      f = additionStep(f, t[i], minusQ2, px[i], py[i]);
    }
    return f;
  }

  /**
   * Sets T = 2T (homogeneous projective (X, Y, Z) on the twist, x = X/Z, y = Y/Z) and returns f
   * times the tangent at T evaluated at P. The affine line yP - λ'·xP·w + (λ'·x - y)·w³ with
   * λ' = 3x²/2y, scaled by 2YZ² and simplified with the curve equation, is
   * {@code 2YZ·yP - 3X²·xP·w + (Y² - 3b'Z²)·w³}; the F_p2 scale vanishes in the final
   * exponentiation. Point formulas after Aranha et al., "High-speed software implementation of
   * the optimal ate pairing over Barreto-Naehrig curves" (2010).
   */
  static Fp12 doublingStep(Fp12 f, Fp2[] t, Fp2 px, Fp2 py) {
    Fp2 x = t[0];
    Fp2 y = t[1];
    Fp2 z = t[2];
    Fp2 xSquared = x.square();
    Fp2 b = y.square();
    Fp2 c = z.square();
    Fp2 e = c.mul(THREE_B);
    Fp2 threeE = e.doubled().add(e);
    Fp2 h = y.add(z).square().sub(b).sub(c); // 2YZ
    t[0] = x.mul(y).mul(b.sub(threeE)).mulByReal(HALF);
    t[1] = b.add(threeE).mulByReal(HALF).square().sub(e.square().doubled().add(e.square()));
    t[2] = b.mul(h);
    return f.mulByLine(h.mulByReal(py), xSquared.doubled().add(xSquared).mulByReal(px).neg(),
        b.sub(e));
  }

  /**
   * Sets T = T + R for an affine R and returns f times the line through them evaluated at P. With
   * θ = Y - yR·Z and λ = X - xR·Z the affine slope is θ/λ, and the line scaled by λ is
   * {@code λ·yP - θ·xP·w + (θ·xR - λ·yR)·w³}. A valid G2 point never meets T = ±R in the loop.
   */
  static Fp12 additionStep(Fp12 f, Fp2[] t, G2Point r, Fp2 px, Fp2 py) {
    Fp2 x = t[0];
    Fp2 y = t[1];
    Fp2 z = t[2];
    Fp2 theta = y.sub(r.y().mul(z));
    Fp2 lambda = x.sub(r.x().mul(z));
    Fp2 c = theta.square();
    Fp2 d = lambda.square();
    Fp2 e = lambda.mul(d);
    Fp2 ff = z.mul(c);
    Fp2 g = x.mul(d);
    Fp2 h = e.add(ff).sub(g.doubled());
    t[0] = lambda.mul(h);
    t[1] = theta.mul(g.sub(h)).sub(y.mul(e));
    t[2] = z.mul(e);
    return f.mulByLine(lambda.mulByReal(py), theta.mulByReal(px).neg(),
        theta.mul(r.x()).sub(lambda.mul(r.y())));
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
    Fp12 fu = t.cyclotomicPow(U);
    Fp12 fu2 = fu.cyclotomicPow(U);
    Fp12 fu3 = fu2.cyclotomicPow(U);
    Fp12 y0 = fp.mul(fp2).mul(fp3);
    Fp12 y1 = t.conjugate();
    Fp12 y2 = fu2.frobenius().frobenius();
    Fp12 y3 = fu.frobenius().conjugate();
    Fp12 y4 = fu.mul(fu2.frobenius()).conjugate();
    Fp12 y5 = fu2.conjugate();
    Fp12 y6 = fu3.mul(fu3.frobenius()).conjugate();
    Fp12 t0 = y6.cyclotomicSquare().mul(y4).mul(y5);
    Fp12 t1 = y3.mul(y5).mul(t0);
    t0 = t0.mul(y2);
    t1 = t1.cyclotomicSquare().mul(t0).cyclotomicSquare();
    t0 = t1.mul(y1);
    t1 = t1.mul(y0);
    return t0.cyclotomicSquare().mul(t1);
  }

  /** The final exponentiation by its definition, to check {@link #finalExponentiation}. */
  static Fp12 finalExponentiationByDefinition(Fp12 f) {
    Fp12 easy = f.conjugate().mul(f.inverse());
    easy = easy.frobenius().frobenius().mul(easy);
    return easy.pow(HARD_EXPONENT);
  }
}
