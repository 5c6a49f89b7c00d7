package org.drr.node.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Limb arithmetic against BigInteger, on random values and on the edges 0, 1, p-1, p-2. */
class MontTest {
  private static List<BigInteger> samples() {
    Random random = new Random(254);
    List<BigInteger> values = new ArrayList<>(List.of(
        BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        Fp.P.subtract(BigInteger.ONE), Fp.P.subtract(BigInteger.TWO),
        BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
        Fp.P.shiftRight(1)));
    for (int i = 0; i < 40; i++) {
      values.add(new BigInteger(256, random).mod(Fp.P));
    }
    return values;
  }

  @Test
  void roundTripsThroughMontgomeryForm() {
    for (BigInteger a : samples()) {
      assertEquals(a, Mont.toBigInteger(Mont.fromBigInteger(a)));
    }
  }

  @Test
  void operationsAgreeWithBigInteger() {
    List<BigInteger> values = samples();
    for (BigInteger a : values) {
      long[] ma = Mont.fromBigInteger(a);
      for (BigInteger b : values) {
        long[] mb = Mont.fromBigInteger(b);
        assertEquals(a.add(b).mod(Fp.P), Mont.toBigInteger(Mont.add(ma, mb)), a + " + " + b);
        assertEquals(a.subtract(b).mod(Fp.P), Mont.toBigInteger(Mont.sub(ma, mb)), a + " - " + b);
        assertEquals(a.multiply(b).mod(Fp.P), Mont.toBigInteger(Mont.mul(ma, mb)), a + " * " + b);
      }
      assertEquals(a.negate().mod(Fp.P), Mont.toBigInteger(Mont.neg(ma)));
      if (a.signum() != 0) {
        assertEquals(a.modInverse(Fp.P), Mont.toBigInteger(Mont.inverse(ma)));
      }
    }
  }

  @Test
  void resultsStayCanonical() {
    long[] minusOne = Mont.fromBigInteger(Fp.P.subtract(BigInteger.ONE));
    long[] product = Mont.mul(minusOne, minusOne);
    assertEquals(BigInteger.ONE, Mont.toBigInteger(product));
    assertTrue(Mont.isZero(Mont.add(minusOne, Mont.ONE)));
  }
}
