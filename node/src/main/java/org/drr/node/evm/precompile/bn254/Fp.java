package org.drr.node.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Arithmetic in the bn254 (alt_bn128) base field F_p on canonical {@link BigInteger} residues in
 * [0, p). Callers keep values canonical; every method returns a canonical residue.
 */
public final class Fp {
  /** The field modulus p. */
  public static final BigInteger P = new BigInteger(
      "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  private Fp() {}

  static BigInteger add(BigInteger a, BigInteger b) {
    BigInteger sum = a.add(b);
    return sum.compareTo(P) >= 0 ? sum.subtract(P) : sum;
  }

  static BigInteger sub(BigInteger a, BigInteger b) {
    BigInteger difference = a.subtract(b);
    return difference.signum() < 0 ? difference.add(P) : difference;
  }

  static BigInteger neg(BigInteger a) {
    return a.signum() == 0 ? a : P.subtract(a);
  }

  static BigInteger mul(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(P);
  }

  static BigInteger square(BigInteger a) {
    return a.multiply(a).mod(P);
  }

  /** The inverse of a non-zero residue. */
  static BigInteger inverse(BigInteger a) {
    return a.modInverse(P);
  }

  /** True for a canonical encoding: {@code 0 <= value < p}. */
  public static boolean isCanonical(BigInteger value) {
    return value.signum() >= 0 && value.compareTo(P) < 0;
  }
}
