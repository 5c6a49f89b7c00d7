package org.drr.node.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Field towers, curve groups and the pairing checked against their defining identities: inverse,
 * Frobenius = x^p, group order r, bilinearity and non-degeneracy. Any pairing that passes these
 * gives the same EIP-197 check results.
 */
class Bn254ArithmeticTest {
  private final Random random = new Random(20261121);

  private BigInteger fp() {
    return new BigInteger(300, random).mod(Fp.P);
  }

  private Fp12 randomFp12() {
    return new Fp12(
        new Fp6(new Fp2(fp(), fp()), new Fp2(fp(), fp()), new Fp2(fp(), fp())),
        new Fp6(new Fp2(fp(), fp()), new Fp2(fp(), fp()), new Fp2(fp(), fp())));
  }

  @Test
  void inversesMultiplyToOne() {
    Fp12 a = randomFp12();
    assertEquals(Fp12.ONE, a.mul(a.inverse()));
    assertEquals(Fp6.ONE, a.c0().mul(a.c0().inverse()));
    assertEquals(Fp2.ONE, a.c1().c2().mul(a.c1().c2().inverse()));
    assertEquals(a.mul(a), a.square());
    assertEquals(a.c0().mul(a.c0()), a.c0().square());
  }

  @Test
  void frobeniusIsThePthPower() {
    Fp12 a = randomFp12();
    assertEquals(a.pow(Fp.P), a.frobenius());
    assertEquals(a.pow(Fp.P.pow(6)), a.conjugate());
  }

  @Test
  void cyclotomicSquaringMatchesSquaringInTheSubgroup() {
    Fp12 a = randomFp12();
    Fp12 cyclotomic = a.conjugate().mul(a.inverse()); // a^(p⁶ - 1)
    cyclotomic = cyclotomic.frobenius().frobenius().mul(cyclotomic); // ^(p² + 1)
    assertEquals(cyclotomic.square(), cyclotomic.cyclotomicSquare());
    BigInteger e = new BigInteger("123456789123456789");
    assertEquals(cyclotomic.pow(e), cyclotomic.cyclotomicPow(e));
  }

  @Test
  void finalExponentiationChainEqualsTheDefinition() {
    Fp12 a = randomFp12();
    assertEquals(Pairing.finalExponentiationByDefinition(a), Pairing.finalExponentiation(a));
  }

  @Test
  void generatorsHaveOrderR() {
    assertTrue(G1Point.GENERATOR.isValid());
    assertTrue(G1Point.GENERATOR.multiply(G2Point.ORDER).isInfinity());
    assertTrue(G2Point.GENERATOR.isValid());
    assertFalse(G2Point.GENERATOR.isInfinity());
  }

  @Test
  void g1DoublingMatchesTheKnownValue() {
    // 2·(1, 2), computed by hand from the tangent formula in Python.
    G1Point two = G1Point.GENERATOR.doubled();
    assertEquals(
        new BigInteger(
            "1368015179489954701390400359078579693043519447331113978918064868415326638035"),
        two.x());
    assertEquals(
        new BigInteger(
            "9918110051302171585080402603319702774565515993150576347155970296011118125764"),
        two.y());
    assertEquals(two, G1Point.GENERATOR.add(G1Point.GENERATOR));
    assertEquals(two.add(G1Point.GENERATOR), G1Point.GENERATOR.multiply(BigInteger.valueOf(3)));
  }

  @Test
  void jacobianMultiplicationAgreesWithRepeatedAffineAddition() {
    G1Point g1Sum = G1Point.INFINITY;
    G2Point g2Sum = G2Point.INFINITY;
    for (int k = 0; k <= 20; k++) {
      assertEquals(g1Sum, G1Point.GENERATOR.multiply(BigInteger.valueOf(k)), "G1 k=" + k);
      assertEquals(g2Sum, G2Point.GENERATOR.multiply(BigInteger.valueOf(k)), "G2 k=" + k);
      g1Sum = g1Sum.add(G1Point.GENERATOR);
      g2Sum = g2Sum.add(G2Point.GENERATOR);
    }
    BigInteger rMinusOne = G2Point.ORDER.subtract(BigInteger.ONE);
    assertEquals(G1Point.GENERATOR.negate(), G1Point.GENERATOR.multiply(rMinusOne));
    assertEquals(G2Point.GENERATOR.negate(), G2Point.GENERATOR.multiply(rMinusOne));
    assertEquals(G1Point.GENERATOR, G1Point.GENERATOR.multiply(G2Point.ORDER.add(BigInteger.ONE)));
  }

  @Test
  void projectiveMillerStepsMoveTheAffinePoint() {
    G2Point q = G2Point.GENERATOR.multiply(BigInteger.valueOf(5));
    G2Point r = G2Point.GENERATOR.multiply(BigInteger.valueOf(11));
    Fp2 px = Fp2.ofReal(G1Point.GENERATOR.x());
    Fp2 py = Fp2.ofReal(G1Point.GENERATOR.y());
    // Start from a non-trivial Z: (x·z, y·z, z) is the same projective point.
    Fp2 z = Fp2.of(7, 3);
    Fp2[] t = {q.x().mul(z), q.y().mul(z), z};
    Pairing.doublingStep(Fp12.ONE, t, px, py);
    assertEquals(q.doubled(), affine(t));
    Pairing.additionStep(Fp12.ONE, t, r, px, py);
    assertEquals(q.doubled().add(r), affine(t));
  }

  private static G2Point affine(Fp2[] t) {
    Fp2 zInverse = t[2].inverse();
    return new G2Point(t[0].mul(zInverse), t[1].mul(zInverse));
  }

  @Test
  void twistPointsOffTheSubgroupAreRejected() {
    // The twist's cofactor is large, so twist points found from small x are almost surely
    // outside G2. The fast endomorphism test must agree with multiplication by r on them and on
    // multiples of the generator.
    int found = 0;
    for (long x = 1; x < 60; x++) {
      Fp2 xx = Fp2.of(x, 0);
      Fp2 root = sqrt(xx.square().mul(xx).add(G2Point.B));
      if (root == null) {
        continue;
      }
      G2Point outside = new G2Point(xx, root);
      assertTrue(outside.isOnCurve());
      assertFalse(outside.multiply(G2Point.ORDER).isInfinity(), "x=" + x);
      assertFalse(outside.isInSubgroup(), "x=" + x);
      assertFalse(outside.isValid(), "x=" + x);
      assertFalse(new G2Point(outside.x(), outside.y().add(Fp2.ONE)).isOnCurve());
      found++;
    }
    assertTrue(found >= 5, "found " + found + " twist points");
    for (long k : new long[] {1, 2, 3, 1_000_003}) {
      G2Point inside = G2Point.GENERATOR.multiply(BigInteger.valueOf(k));
      assertTrue(inside.isInSubgroup(), "k=" + k);
      assertTrue(inside.multiply(G2Point.ORDER).isInfinity(), "k=" + k);
    }
    assertTrue(G2Point.INFINITY.isValid());
  }

  /**
   * A square root in F_p2 for p ≡ 3 mod 4, or null (Adj and Rodríguez-Henríquez, "Square root
   * computation over even extension fields", algorithm 9); used only to find test points.
   */
  private static Fp2 sqrt(Fp2 a) {
    Fp2 a1 = a.pow(Fp.P.subtract(BigInteger.valueOf(3)).shiftRight(2));
    Fp2 alpha = a1.square().mul(a);
    Fp2 x0 = a1.mul(a);
    Fp2 minusOne = Fp2.ONE.neg();
    Fp2 root;
    if (alpha.equals(minusOne)) {
      root = x0.mul(Fp2.of(0, 1));
    } else {
      root = Fp2.ONE.add(alpha).pow(Fp.P.subtract(BigInteger.ONE).shiftRight(1)).mul(x0);
    }
    return root.square().equals(a) ? root : null;
  }

  @Test
  void pairingIsBilinearAndNonDegenerate() {
    BigInteger a = new BigInteger(200, random);
    BigInteger b = new BigInteger(200, random);
    Fp12 base = Pairing.pair(G1Point.GENERATOR, G2Point.GENERATOR);
    assertNotEquals(Fp12.ONE, base);
    assertEquals(Fp12.ONE, base.pow(G2Point.ORDER));
    Fp12 scaled =
        Pairing.pair(G1Point.GENERATOR.multiply(a), G2Point.GENERATOR.multiply(b));
    assertEquals(base.pow(a.multiply(b)), scaled);
  }

  @Test
  void productCheckAcceptsCancellingPairs() {
    BigInteger a = new BigInteger(100, random);
    BigInteger b = new BigInteger(100, random);
    G1Point p = G1Point.GENERATOR.multiply(a);
    G2Point q = G2Point.GENERATOR.multiply(b);
    G1Point minusAbP = G1Point.GENERATOR.multiply(a.multiply(b)).negate();
    assertTrue(Pairing.isProductOne(List.of(
        new Pairing.Pair(p, q), new Pairing.Pair(minusAbP, G2Point.GENERATOR))));
    assertFalse(Pairing.isProductOne(List.of(
        new Pairing.Pair(p, q), new Pairing.Pair(minusAbP.doubled(), G2Point.GENERATOR))));
    assertTrue(Pairing.isProductOne(List.of()));
    assertTrue(Pairing.isProductOne(List.of(new Pairing.Pair(G1Point.INFINITY, q))));
  }
}
