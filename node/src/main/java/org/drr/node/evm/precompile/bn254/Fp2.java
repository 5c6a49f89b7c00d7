package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;

/** An element {@code re + im·i} of F_p2 = F_p[i]/(i² + 1). Immutable. */
public record Fp2(BigInteger re, BigInteger im) {
  public static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
  public static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);
  /** ξ = 9 + i, the non-residue defining F_p6 (v³ = ξ) and the sextic twist. */
  public static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);

  public static Fp2 of(long re, long im) {
    return new Fp2(BigInteger.valueOf(re), BigInteger.valueOf(im));
  }

  public boolean isZero() {
    return re.signum() == 0 && im.signum() == 0;
  }

  Fp2 add(Fp2 o) {
    return new Fp2(Fp.add(re, o.re), Fp.add(im, o.im));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(Fp.sub(re, o.re), Fp.sub(im, o.im));
  }

  Fp2 neg() {
    return new Fp2(Fp.neg(re), Fp.neg(im));
  }

  Fp2 doubled() {
    return add(this);
  }

  /** Karatsuba: three base-field products instead of four. */
  Fp2 mul(Fp2 o) {
    BigInteger ac = re.multiply(o.re);
    BigInteger bd = im.multiply(o.im);
    BigInteger cross = re.add(im).multiply(o.re.add(o.im));
    return new Fp2(ac.subtract(bd).mod(Fp.P), cross.subtract(ac).subtract(bd).mod(Fp.P));
  }

  Fp2 square() {
    // (a + bi)² = (a + b)(a - b) + 2ab·i
    BigInteger real = re.add(im).multiply(re.subtract(im)).mod(Fp.P);
    BigInteger imaginary = re.multiply(im).shiftLeft(1).mod(Fp.P);
    return new Fp2(real, imaginary);
  }

  Fp2 mul(BigInteger scalar) {
    return new Fp2(Fp.mul(re, scalar), Fp.mul(im, scalar));
  }

  /** Multiplication by ξ = 9 + i: (a + bi)(9 + i) = (9a - b) + (a + 9b)i. */
  Fp2 mulByXi() {
    BigInteger nine = BigInteger.valueOf(9);
    return new Fp2(
        re.multiply(nine).subtract(im).mod(Fp.P), im.multiply(nine).add(re).mod(Fp.P));
  }

  /** The conjugate a - bi, which is also the p-power Frobenius image. */
  Fp2 conjugate() {
    return new Fp2(re, Fp.neg(im));
  }

  /** The inverse of a non-zero element: (a - bi) / (a² + b²). */
  Fp2 inverse() {
    BigInteger normInverse = Fp.inverse(re.multiply(re).add(im.multiply(im)).mod(Fp.P));
    return new Fp2(Fp.mul(re, normInverse), Fp.mul(Fp.neg(im), normInverse));
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
}
