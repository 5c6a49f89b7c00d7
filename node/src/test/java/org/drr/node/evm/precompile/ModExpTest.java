package org.drr.node.evm.precompile;

import static org.drr.node.evm.precompile.Hex.bytes;
import static org.drr.node.evm.precompile.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

/**
 * Vectors from EIP-198 and EIP-2565; the long random case and its prices were computed with
 * Python's {@code pow} and the EIPs' formulas written out by hand.
 */
class ModExpTest {
  private static final Precompile BERLIN = Precompiles.forAddress(5, Fork.CANCUN);
  private static final Precompile BYZANTIUM = Precompiles.forAddress(5, Fork.BYZANTIUM);

  private static String word(long value) {
    return String.format("%064x", value);
  }

  /** EIP-198 example 1: 3^(p-1) mod p = 1 for the secp256k1 field prime p (Fermat). */
  private static final byte[] FERMAT = bytes(
      word(1) + word(32) + word(32)
          + "03"
          + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
          + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");

  @Test
  void fermatExampleFromEip198() {
    assertEquals(word(1), hex(BERLIN.run(FERMAT)));
    assertEquals(13056, BYZANTIUM.gasCost(FERMAT));
    assertEquals(1360, BERLIN.gasCost(FERMAT));
  }

  @Test
  void zeroBaseWithTruncatedInputFromEip198() {
    // EIP-198 example 2: Bsize 0 and the modulus cut short; missing bytes count as zeros.
    byte[] input = bytes(
        word(0) + word(32) + word(32)
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertEquals(word(0), hex(BERLIN.run(input)));
    assertEquals(13056, BYZANTIUM.gasCost(input));
  }

  @Test
  void longOperandsAndExponentOverThirtyTwoBytes() {
    byte[] input = bytes(
        "0000000000000000000000000000000000000000000000000000000000000046"
            + "0000000000000000000000000000000000000000000000000000000000000028"
            + "0000000000000000000000000000000000000000000000000000000000000042"
            + "1600099950d836f675cc81e74ef5e8e25d940ed904759531985d5d9dc9f81818e811892f902bd23f"
            + "0824128b2f330c5c7fd0a6a3a4506513270e269e0d37f2a74de452e6b438000190c1d3ac94af0f21"
            + "ddb66cad4a268d116ece1738f7d93d9c172411e20b8f6b0d549b6f03675adbc48e81973e0becd7b0"
            + "3898d190f9ebdacc0cb1e29c658cda1495e60af593bd04cf0fd630f1f29d0da9953f48f1a09f76b5"
            + "a170b33839263059f28c105d1fb17c23");
    assertEquals(
        "66387dcb53d912d70b131bbc45c3ce9299545ad457de27b33e2c5ca7dfe524e009e29e355a1e1f970b9670"
            + "beb79c8c2fbf804d9f1e649b224aab7449548c318df9a3",
        hex(BERLIN.run(input)));
    // Adjusted exponent length 8 * (40 - 32) + 240 = 304 (the exponent starts 0x0001).
    assertEquals(74069, BYZANTIUM.gasCost(input));
    assertEquals(8208, BERLIN.gasCost(input));
  }

  @Test
  void zeroModulusGivesZerosOfModulusLength() {
    byte[] input = bytes(word(1) + word(1) + word(2) + "02" + "03" + "0000");
    assertEquals("0000", hex(BERLIN.run(input)));
    byte[] modulusOne = bytes(word(1) + word(1) + word(2) + "02" + "00" + "0001");
    assertEquals("0000", hex(BERLIN.run(modulusOne)));
    byte[] exponentZero = bytes(word(1) + word(1) + word(2) + "02" + "00" + "0100");
    assertEquals("0001", hex(BERLIN.run(exponentZero)));
  }

  @Test
  void emptyModulusLengthGivesEmptyOutput() {
    assertEquals("", hex(BERLIN.run(new byte[0])));
    assertEquals(200, BERLIN.gasCost(new byte[0]));
    assertEquals(0, BYZANTIUM.gasCost(new byte[0]));
  }

  @Test
  void hugeExponentLengthWithEmptyBaseAndModulusCostsTheFloor() {
    byte[] input = bytes(word(0) + "ff".repeat(32) + word(0));
    assertEquals(200, BERLIN.gasCost(input));
    assertEquals(0, BYZANTIUM.gasCost(input));
    assertEquals("", hex(BERLIN.run(input)));
  }

  @Test
  void hugeLengthsSaturateTheGas() {
    byte[] hugeBase = bytes("ff".repeat(32) + word(1) + word(1));
    assertEquals(Long.MAX_VALUE, BERLIN.gasCost(hugeBase));
    assertEquals(Long.MAX_VALUE, BYZANTIUM.gasCost(hugeBase));
    byte[] hugeExponent = bytes(word(1) + "7f" + "ff".repeat(31) + word(1));
    assertEquals(Long.MAX_VALUE, BERLIN.gasCost(hugeExponent));
    byte[] bigButRepresentable = bytes(word(0) + word(1L << 40) + word(8));
    // 1 word, adjusted exponent length 8 * (2^40 - 32), divided by 3.
    assertEquals((8L * ((1L << 40) - 32)) / 3, BERLIN.gasCost(bigButRepresentable));
  }

  @Test
  void exponentHeadBeyondTheInputReadsAsZero() {
    // Esize 1, exponent byte absent: adjusted length 0, so one iteration, floor 200.
    byte[] input = bytes(word(0) + word(1) + word(1));
    assertEquals(200, BERLIN.gasCost(input));
    assertEquals("00", hex(BERLIN.run(input)));
  }

  @Test
  void modexpAppearsInByzantium() {
    assertEquals(null, Precompiles.forAddress(5, Fork.SPURIOUS_DRAGON));
  }
}
