package org.drr.node.evm.ops;

import static org.drr.node.evm.EvmHarness.concat;
import static org.drr.node.evm.EvmHarness.push32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.drr.node.evm.EvmHarness;
import org.drr.node.evm.Frame;
import org.drr.node.evm.Opcodes;
import org.drr.node.evm.Status;
import org.junit.jupiter.api.Test;

/**
 * Checks the limb arithmetic of every two-operand arithmetic, comparison and bitwise opcode
 * against a BigInteger model of the Yellow Paper definition, on edge values and random words.
 */
class ArithmeticTest {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);

  private static List<BigInteger> samples() {
    List<BigInteger> v = new ArrayList<>();
    for (long x : new long[] {0, 1, 2, 3, 7, 31, 32, 255, 256, 0xFFFFFFFFL, Long.MAX_VALUE}) {
      v.add(BigInteger.valueOf(x));
    }
    v.add(BigInteger.ONE.shiftLeft(64));
    v.add(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    v.add(BigInteger.ONE.shiftLeft(128).add(BigInteger.valueOf(12345)));
    v.add(BigInteger.ONE.shiftLeft(160));
    v.add(BigInteger.ONE.shiftLeft(160).add(BigInteger.ONE.shiftLeft(64)));
    v.add(BigInteger.ONE.shiftLeft(255));
    v.add(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE));
    v.add(MAX);
    v.add(MAX.subtract(BigInteger.ONE));
    Random r = new Random(42);
    for (int i = 0; i < 12; i++) {
      v.add(new BigInteger(1 + r.nextInt(256), r));
    }
    return v;
  }

  private static BigInteger signed(BigInteger u) {
    return u.testBit(255) ? u.subtract(TWO_256) : u;
  }

  private static BigInteger wrap(BigInteger v) {
    return v.mod(TWO_256);
  }

  private static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  /** Runs "PUSH32 b PUSH32 a OP" so that a is on top, as the opcode definitions name it. */
  private static BigInteger exec(int opcode, BigInteger a, BigInteger b) {
    EvmHarness h = new EvmHarness();
    Frame f = h.run(concat(push32(b), push32(a), new byte[] {(byte) opcode}), 10_000_000);
    assertEquals(Status.STOP, h.lastStatus, Opcodes.name(opcode));
    return EvmHarness.top(f);
  }

  private static void check(int opcode, BinaryOperator<BigInteger> model) {
    for (BigInteger a : samples()) {
      for (BigInteger b : samples()) {
        assertEquals(
            model.apply(a, b),
            exec(opcode, a, b),
            Opcodes.name(opcode) + " a=0x" + a.toString(16) + " b=0x" + b.toString(16));
      }
    }
  }

  @Test
  void addSubMul() {
    check(Opcodes.ADD, (a, b) -> wrap(a.add(b)));
    check(Opcodes.SUB, (a, b) -> wrap(a.subtract(b)));
    check(Opcodes.MUL, (a, b) -> wrap(a.multiply(b)));
  }

  @Test
  void divisionByZeroIsZeroAndSignedOverflowWraps() {
    check(Opcodes.DIV, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.divide(b));
    check(Opcodes.MOD, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.mod(b));
    check(
        Opcodes.SDIV,
        (a, b) -> b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).divide(signed(b))));
    check(
        Opcodes.SMOD,
        (a, b) -> b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).remainder(signed(b))));
  }

  /** DIV and MOD by 2^k shift and mask instead of dividing; every k, on random and full words. */
  @Test
  void divisionByEveryPowerOfTwo() {
    Random r = new Random(7);
    for (int k = 0; k < 256; k++) {
      BigInteger divisor = BigInteger.ONE.shiftLeft(k);
      for (BigInteger x : List.of(new BigInteger(256, r), MAX, BigInteger.ONE.shiftLeft(k))) {
        String what = " 0x" + x.toString(16) + " by 2^" + k;
        assertEquals(x.shiftRight(k), exec(Opcodes.DIV, x, divisor), "DIV" + what);
        assertEquals(x.mod(divisor), exec(Opcodes.MOD, x, divisor), "MOD" + what);
      }
    }
  }

  @Test
  void exponentiation() {
    check(Opcodes.EXP, (a, b) -> a.modPow(b, TWO_256));
  }

  @Test
  void comparisons() {
    check(Opcodes.LT, (a, b) -> bool(a.compareTo(b) < 0));
    check(Opcodes.GT, (a, b) -> bool(a.compareTo(b) > 0));
    check(Opcodes.SLT, (a, b) -> bool(signed(a).compareTo(signed(b)) < 0));
    check(Opcodes.SGT, (a, b) -> bool(signed(a).compareTo(signed(b)) > 0));
    check(Opcodes.EQ, (a, b) -> bool(a.equals(b)));
  }

  @Test
  void bitwiseAndShifts() {
    check(Opcodes.AND, BigInteger::and);
    check(Opcodes.OR, BigInteger::or);
    check(Opcodes.XOR, BigInteger::xor);
    check(
        Opcodes.SHL,
        (s, v) -> s.compareTo(BigInteger.valueOf(256)) >= 0 ? BigInteger.ZERO
            : wrap(v.shiftLeft(s.intValue())));
    check(
        Opcodes.SHR,
        (s, v) -> s.compareTo(BigInteger.valueOf(256)) >= 0 ? BigInteger.ZERO
            : v.shiftRight(s.intValue()));
    check(
        Opcodes.SAR,
        (s, v) -> wrap(signed(v).shiftRight(Math.min(256, s.min(BigInteger.valueOf(256)).intValue()))));
    check(
        Opcodes.BYTE,
        (i, x) -> i.compareTo(BigInteger.valueOf(32)) >= 0 ? BigInteger.ZERO
            : x.shiftRight(8 * (31 - i.intValue())).and(BigInteger.valueOf(255)));
    check(
        Opcodes.SIGNEXTEND,
        (b, x) -> {
          if (b.compareTo(BigInteger.valueOf(31)) >= 0) {
            return x;
          }
          int bit = b.intValue() * 8 + 7;
          BigInteger low = x.and(BigInteger.ONE.shiftLeft(bit + 1).subtract(BigInteger.ONE));
          return x.testBit(bit) ? wrap(low.subtract(BigInteger.ONE.shiftLeft(bit + 1))) : low;
        });
  }

  @Test
  void modularArithmeticUsesFullWidthIntermediates() {
    EvmHarness h = new EvmHarness();
    BigInteger n = BigInteger.valueOf(1_000_000_007);
    // ADDMOD(MAX, MAX, n) and MULMOD(MAX, MAX, n) must not wrap at 2^256 before the modulus.
    Frame f = h.run(concat(push32(n), push32(MAX), push32(MAX), new byte[] {Opcodes.ADDMOD}), 100_000);
    assertEquals(MAX.add(MAX).mod(n), EvmHarness.top(f));
    f = h.run(concat(push32(n), push32(MAX), push32(MAX), new byte[] {Opcodes.MULMOD}), 100_000);
    assertEquals(MAX.multiply(MAX).mod(n), EvmHarness.top(f));
  }
}
