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
   * Product with a Miller-loop line {@code yP + (a + b·v)·w}: the line has three non-zero
   * coefficients, one of them in F_p, so this costs about two thirds of {@link #mul}.
   */
  Fp12 mulByLine(BigInteger yP, Fp2 a, Fp2 b) {
    Fp6 t0 = c0.mul(yP);
    Fp6 t1 = c1.mulBySparse(a, b);
    Fp2 aPlusYp = new Fp2(Fp.add(a.re(), yP), a.im());
    Fp6 cross = c0.add(c1).mulBySparse(aPlusYp, b).sub(t0).sub(t1);
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
