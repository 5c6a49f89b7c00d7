package org.drr.node.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Algorithm D has rare correction steps (qhat too large by one or two, add-back); words built
 * from the digits 0, 1, 0x7FFFFFFF, 0x80000000 and 0xFFFFFFFF hit them, random words cover the
 * rest. Every result is checked against BigInteger.
 */
class WideDivisionTest {
  private static final int[] EDGE_DIGITS = {0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 2};

  private static BigInteger word(Random r) {
    if (r.nextBoolean()) {
      return new BigInteger(1 + r.nextInt(256), r);
    }
    BigInteger v = BigInteger.ZERO;
    int digits = 1 + r.nextInt(8);
    for (int i = 0; i < digits; i++) {
      v = v.shiftLeft(32).or(BigInteger.valueOf(EDGE_DIGITS[r.nextInt(EDGE_DIGITS.length)] & 0xFFFFFFFFL));
    }
    return v;
  }

  @Test
  void matchesBigIntegerOnEdgeAndRandomWords() {
    Random r = new Random(7);
    WideDivision d = new WideDivision();
    long[] w = new long[16];
    for (int iter = 0; iter < 20_000; iter++) {
      BigInteger a = word(r);
      BigInteger b = word(r);
      BigInteger n = word(r);
      if (b.signum() == 0 || n.signum() == 0) {
        continue;
      }
      Words.fromBigInteger(a, w, 0);
      Words.fromBigInteger(b, w, 4);
      d.divide(w, 0, 4, 8, false);
      assertEquals(a.divide(b), Words.toBigInteger(w, 8), "div " + a + " / " + b);
      d.divide(w, 0, 4, 8, true);
      assertEquals(a.mod(b), Words.toBigInteger(w, 8), "mod " + a + " % " + b);
      Words.fromBigInteger(n, w, 12);
      d.mulMod(w, 0, 4, 12, 8);
      assertEquals(a.multiply(b).mod(n), Words.toBigInteger(w, 8), "mulmod " + a + " " + b + " " + n);
      d.addMod(w, 0, 4, 12, 8);
      assertEquals(a.add(b).mod(n), Words.toBigInteger(w, 8), "addmod " + a + " " + b + " " + n);
    }
  }
}
