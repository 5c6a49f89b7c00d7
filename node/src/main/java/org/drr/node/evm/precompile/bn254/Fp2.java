package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element {@code re + im·i} of F_p2 = F_p[i]/(i² + 1). Immutable. Coordinates are held in
 * Montgomery form ({@link Mont}); {@link #re()} and {@link #im()} give the canonical residues.
 */
public final class Fp2 {
  public static final Fp2 ZERO = of(0, 0);
  public static final Fp2 ONE = of(1, 0);
  /** ξ = 9 + i, the non-residue defining F_p6 (v³ = ξ) and the sextic twist. */
  public static final Fp2 XI = of(9, 1);

  private final long[] re;
  private final long[] im;

  /**
   * @throws IllegalArgumentException if either coordinate is not a canonical residue in [0, p)
   */
  public Fp2(BigInteger re, BigInteger im) {
    if (!Fp.isCanonical(re) || !Fp.isCanonical(im)) {
      throw new IllegalArgumentException(
          "F_p2 coordinates must be in [0, p); got re=" + re + ", im=" + im);
    }
    this.re = Mont.fromBigInteger(re);
    this.im = Mont.fromBigInteger(im);
  }

  private Fp2(long[] re, long[] im) {
    this.re = re;
    this.im = im;
  }

  public static Fp2 of(long re, long im) {
    return new Fp2(BigInteger.valueOf(re), BigInteger.valueOf(im));
  }

  /** The element a + 0·i for a canonical residue a. */
  static Fp2 ofReal(BigInteger a) {
    return new Fp2(a, BigInteger.ZERO);
  }

  public BigInteger re() {
    return Mont.toBigInteger(re);
  }

  public BigInteger im() {
    return Mont.toBigInteger(im);
  }

  public boolean isZero() {
    return Mont.isZero(re) && Mont.isZero(im);
  }

  Fp2 add(Fp2 o) {
    return new Fp2(Mont.add(re, o.re), Mont.add(im, o.im));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(Mont.sub(re, o.re), Mont.sub(im, o.im));
  }

  Fp2 neg() {
    return new Fp2(Mont.neg(re), Mont.neg(im));
  }

  Fp2 doubled() {
    return add(this);
  }

  /** Karatsuba: three base-field products instead of four. */
  Fp2 mul(Fp2 o) {
    long[] ac = Mont.mul(re, o.re);
    long[] bd = Mont.mul(im, o.im);
    long[] cross = Mont.mul(Mont.add(re, im), Mont.add(o.re, o.im));
    return new Fp2(Mont.sub(ac, bd), Mont.sub(Mont.sub(cross, ac), bd));
  }

  Fp2 square() {
    // (a + bi)² = (a + b)(a - b) + 2ab·i
    long[] ab = Mont.mul(re, im);
    return new Fp2(Mont.mul(Mont.add(re, im), Mont.sub(re, im)), Mont.add(ab, ab));
  }

  /** Product with a base-field element a + 0·i (cheaper than the general product). */
  Fp2 mulByReal(Fp2 real) {
    return new Fp2(Mont.mul(re, real.re), Mont.mul(im, real.re));
  }

  /** Multiplication by ξ = 9 + i: (a + bi)(9 + i) = (9a - b) + (a + 9b)i. */
  Fp2 mulByXi() {
    return new Fp2(Mont.sub(times9(re), im), Mont.add(re, times9(im)));
  }

  private static long[] times9(long[] a) {
    long[] twice = Mont.add(a, a);
    long[] eight = Mont.add(Mont.add(twice, twice), Mont.add(twice, twice));
    return Mont.add(eight, a);
  }

  /** The conjugate a - bi, which is also the p-power Frobenius image. */
  Fp2 conjugate() {
    return new Fp2(re, Mont.neg(im));
  }

  /** The inverse of a non-zero element: (a - bi) / (a² + b²). */
  Fp2 inverse() {
    long[] normInverse = Mont.inverse(Mont.add(Mont.square(re), Mont.square(im)));
    return new Fp2(Mont.mul(re, normInverse), Mont.neg(Mont.mul(im, normInverse)));
  }

  Fp2 pow(BigInteger exponent) {
    Fp2 result = ONE;
    for (int bit = exponent.bitLength() - 1; bit >= 0; bit--) {
      result = result.square();
      if (exponent.testBit(bit)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fp2 o && Arrays.equals(re, o.re) && Arrays.equals(im, o.im);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
  }

  @Override
  public String toString() {
    return "Fp2[" + re() + " + " + im() + "·i]";
  }
}
