package org.drr.node.evm.precompile.bn254;

/** An element {@code c0 + c1·v + c2·v²} of F_p6 = F_p2[v]/(v³ - ξ). Immutable. */
record Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
  static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  Fp6 add(Fp6 o) {
    return new Fp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  Fp6 sub(Fp6 o) {
    return new Fp6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
  }

  Fp6 neg() {
    return new Fp6(c0.neg(), c1.neg(), c2.neg());
  }

  /** Karatsuba-style product with v³ = ξ: six F_p2 products. */
  Fp6 mul(Fp6 o) {
    Fp2 t0 = c0.mul(o.c0);
    Fp2 t1 = c1.mul(o.c1);
    Fp2 t2 = c2.mul(o.c2);
    Fp2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(t1).sub(t2).mulByXi().add(t0);
    Fp2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1).add(t2.mulByXi());
    Fp2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(t0).sub(t2).add(t1);
    return new Fp6(r0, r1, r2);
  }

  Fp6 square() {
    return mul(this);
  }

  /** Product with the sparse element {@code a + b·v} (the shape of a line's w part). */
  Fp6 mulBySparse(Fp2 a, Fp2 b) {
    return new Fp6(
        c0.mul(a).add(c2.mul(b).mulByXi()), c0.mul(b).add(c1.mul(a)), c1.mul(b).add(c2.mul(a)));
  }

  /** Product with a base-field element given as a + 0·i. */
  Fp6 mulByReal(Fp2 real) {
    return new Fp6(c0.mulByReal(real), c1.mulByReal(real), c2.mulByReal(real));
  }

  /** Multiplication by v: (c0 + c1 v + c2 v²)·v = ξ c2 + c0 v + c1 v². */
  Fp6 mulByV() {
    return new Fp6(c2.mulByXi(), c0, c1);
  }

  Fp6 mul(Fp2 scalar) {
    return new Fp6(c0.mul(scalar), c1.mul(scalar), c2.mul(scalar));
  }

  /** The inverse of a non-zero element, through the norm to F_p2. */
  Fp6 inverse() {
    Fp2 a = c0.square().sub(c1.mul(c2).mulByXi());
    Fp2 b = c2.square().mulByXi().sub(c0.mul(c1));
    Fp2 c = c1.square().sub(c0.mul(c2));
    Fp2 norm = c0.mul(a).add(c2.mul(b).add(c1.mul(c)).mulByXi());
    Fp2 normInverse = norm.inverse();
    return new Fp6(a.mul(normInverse), b.mul(normInverse), c.mul(normInverse));
  }
}
