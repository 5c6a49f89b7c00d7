package org.drr.node.evm.precompile;

import static org.drr.node.evm.precompile.Hex.bytes;
import static org.drr.node.evm.precompile.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.charset.StandardCharsets;
import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

/** sha256 (0x02), ripemd160 (0x03), identity (0x04); digests computed with Python's hashlib. */
class HashPrecompilesTest {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  private static byte[] zeroTo99() {
    byte[] input = new byte[100];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) i;
    }
    return input;
  }

  @Test
  void sha256MatchesHashlib() {
    Precompile sha = Precompiles.forAddress(2, Fork.CANCUN);
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        hex(sha.run(new byte[0])));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(sha.run(ABC)));
    assertEquals(
        "bce0aff19cf5aa6a7469a30d61d04e4376e4bbf6381052ee9e7f33925c954d52",
        hex(sha.run(zeroTo99())));
  }

  @Test
  void sha256GasIsSixtyPlusTwelvePerWord() {
    Precompile sha = Precompiles.forAddress(2, Fork.FRONTIER);
    assertEquals(60, sha.gasCost(new byte[0]));
    assertEquals(72, sha.gasCost(new byte[1]));
    assertEquals(72, sha.gasCost(new byte[32]));
    assertEquals(84, sha.gasCost(new byte[33]));
    assertEquals(60 + 12 * 4, sha.gasCost(zeroTo99()));
  }

  @Test
  void ripemd160IsLeftPaddedToAWord() {
    Precompile ripemd = Precompiles.forAddress(3, Fork.CANCUN);
    assertEquals(
        "000000000000000000000000" + "9c1185a5c5e9fc54612808977ee8f548b2258d31",
        hex(ripemd.run(new byte[0])));
    assertEquals(
        "000000000000000000000000" + "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        hex(ripemd.run(ABC)));
    assertEquals(
        "000000000000000000000000" + "8ae5d2e6b1f3a514257f2469b637454931844aeb",
        hex(ripemd.run(zeroTo99())));
  }

  @Test
  void ripemd160GasIsSixHundredPlus120PerWord() {
    Precompile ripemd = Precompiles.forAddress(3, Fork.CANCUN);
    assertEquals(600, ripemd.gasCost(new byte[0]));
    assertEquals(720, ripemd.gasCost(ABC));
    assertEquals(600 + 120 * 4, ripemd.gasCost(zeroTo99()));
  }

  @Test
  void identityCopiesItsInput() {
    Precompile identity = Precompiles.forAddress(4, Fork.CANCUN);
    byte[] input = bytes("0102030405");
    byte[] output = identity.run(input);
    assertArrayEquals(input, output);
    assertNotSame(input, output);
    assertArrayEquals(new byte[0], identity.run(new byte[0]));
    assertEquals(15, identity.gasCost(new byte[0]));
    assertEquals(18, identity.gasCost(input));
    assertEquals(15 + 3 * 4, identity.gasCost(zeroTo99()));
  }

  @Test
  void addressesOutsideOneToTenHaveNoPrecompile() {
    assertEquals(null, Precompiles.forAddress(0, Fork.CANCUN));
    assertEquals(null, Precompiles.forAddress(11, Fork.CANCUN));
    assertEquals(null, Precompiles.forAddress(-1, Fork.CANCUN));
  }
}
