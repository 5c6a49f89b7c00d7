package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1·w} of F_p12 = F_p6[w]/(w² - v), the target field of the pairing.
 * Since w² = v and v³ = ξ, w⁶ = ξ. Immutable.
 */
record Fp12(Fp6 c0, Fp6 c1) {
  static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /**
   * γ_k = ξ^(k(p-1)/6) for k = 0..5: the p-power Frobenius maps a·w^k (a in F_p2) to
   * conj(a)·w^k·γ_k, because (w^k)^p = w^k·(w⁶)^(k(p-1)/6). Derived here rather than pasted.
   */
  private static final Fp2[] FROBENIUS_GAMMA = new Fp2[6];

  static {
    BigInteger sixth = Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
    for (int k = 0; k < 6; k++) {
      FROBENIUS_GAMMA[k] = Fp2.XI.pow(sixth.multiply(BigInteger.valueOf(k)));
    }
  }

  boolean isOne() {
    return equals(ONE);
  }

  Fp12 mul(Fp12 o) {
    Fp6 t0 = c0.mul(o.c0);
    Fp6 t1 = c1.mul(o.c1);
    Fp6 cross = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), cross);
  }

  /**
   * Product with a Miller-loop line {@code a0 + (a + b·v)·w}: the line has three non-zero F_p2
   * coefficients, so this costs about two thirds of {@link #mul}.
   */
  Fp12 mulByLine(Fp2 a0, Fp2 a, Fp2 b) {
    Fp6 t0 = c0.mul(a0);
    Fp6 t1 = c1.mulBySparse(a, b);
    Fp6 cross = c0.add(c1).mulBySparse(a.add(a0), b).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), cross);
  }

  Fp12 square() {
    // (a + bw)² = (a + b)(a + vb) - ab - v·ab + 2ab·w
    Fp6 ab = c0.mul(c1);
    Fp6 real = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
    return new Fp12(real, ab.add(ab));
  }

  /** The conjugate a - bw, which is the p⁶-power Frobenius image. */
  Fp12 conjugate() {
    return new Fp12(c0, c1.neg());
  }

  /** The inverse of a non-zero element: (a - bw) / (a² - v·b²). */
  Fp12 inverse() {
    Fp6 normInverse = c0.square().sub(c1.square().mulByV()).inverse();
    return new Fp12(c0.mul(normInverse), c1.mul(normInverse).neg());
  }

  /**
   * The p-power Frobenius. In the w basis, c0 = x0 + x1·w² + x2·w⁴ and c1 = y0·w + y1·w³ +
   * y2·w⁵, so each coefficient is conjugated and scaled by the γ of its power of w.
   */
  Fp12 frobenius() {
    return new Fp12(
        new Fp6(
            c0.c0().conjugate(),
            c0.c1().conjugate().mul(FROBENIUS_GAMMA[2]),
            c0.c2().conjugate().mul(FROBENIUS_GAMMA[4])),
        new Fp6(
            c1.c0().conjugate().mul(FROBENIUS_GAMMA[1]),
            c1.c1().conjugate().mul(FROBENIUS_GAMMA[3]),
            c1.c2().conjugate().mul(FROBENIUS_GAMMA[5])));
  }

  /**
   * The square of an element of the cyclotomic subgroup (such as any value after the easy part
   * of the final exponentiation), by Granger and Scott, "Faster squaring in the
   * cyclotomic subgroup of sixth degree extensions" (2010). View F_p12 as F_p4[t]/(t³ - s) with
   * F_p4 = F_p2[s]/(s² - ξ), t = w, s = w³, and f = A + B·t + C·t²; then
   * f² = (3A² - 2Ā) + (3sC² + 2B̄)·t + (3B² - 2C̄)·t², where the bar maps s to -s. Nine F_p2
   * squarings instead of twelve F_p2 products. Wrong for elements outside the subgroup.
   */
  Fp12 cyclotomicSquare() {
    // Coefficients of w^k: c0 = (w⁰, w², w⁴), c1 = (w¹, w³, w⁵).
    Fp2 a0 = c0.c0();
    Fp2 a2 = c0.c1();
    Fp2 a4 = c0.c2();
    Fp2 a1 = c1.c0();
    Fp2 a3 = c1.c1();
    Fp2 a5 = c1.c2();
    // A = a0 + a3·s, B = a1 + a4·s, C = a2 + a5·s.
    Fp2[] aa = fp4Square(a0, a3);
    Fp2[] bb = fp4Square(a1, a4);
    Fp2[] cc = fp4Square(a2, a5);
    Fp2 newA0 = triple(aa[0]).sub(a0.doubled());
    Fp2 newA3 = triple(aa[1]).add(a3.doubled());
    Fp2 newB0 = triple(cc[1].mulByXi()).add(a1.doubled());
    Fp2 newB4 = triple(cc[0]).sub(a4.doubled());
    Fp2 newC2 = triple(bb[0]).sub(a2.doubled());
    Fp2 newC5 = triple(bb[1]).add(a5.doubled());
    return new Fp12(new Fp6(newA0, newC2, newB4), new Fp6(newB0, newA3, newC5));
  }

  /** (x + y·s)² = (x² + ξy²) + 2xy·s in F_p4 = F_p2[s]/(s² - ξ). */
  private static Fp2[] fp4Square(Fp2 x, Fp2 y) {
    Fp2 xx = x.square();
    Fp2 yy = y.square();
    Fp2 twoXy = x.add(y).square().sub(xx).sub(yy);
    return new Fp2[] {xx.add(yy.mulByXi()), twoXy};
  }

  private static Fp2 triple(Fp2 a) {
    return a.doubled().add(a);
  }

  /** {@code this^exponent} for an element of the cyclotomic subgroup. */
  Fp12 cyclotomicPow(BigInteger exponent) {
    Fp12 result = ONE;
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      result = result.cyclotomicSquare();
      if (exponent.testBit(bit)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  Fp12 pow(BigInteger exponent) {
    Fp12 result = ONE;
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      result = result.square();
      if (exponent.testBit(bit)) {
        result = result.mul(this);
      }
    }
    return result;
  }
}
