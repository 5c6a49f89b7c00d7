package org.drr.node.evm.precompile;

import static org.drr.node.evm.precompile.Hex.bytes;
import static org.drr.node.evm.precompile.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

/**
 * bn254 add (0x06), mul (0x07) and pairing (0x08). G1 results were computed with a separate
 * affine implementation in Python; pairing cases are built from identities such as
 * e(2G1, G2)·e(-G1, G2)·e(-G1, G2) = 1.
 */
class Bn254PrecompilesTest {
  private static final Precompile ADD = Precompiles.forAddress(6, Fork.CANCUN);
  private static final Precompile MUL = Precompiles.forAddress(7, Fork.CANCUN);
  private static final Precompile PAIRING = Precompiles.forAddress(8, Fork.CANCUN);

  private static final String P =
      "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";
  private static final String G1 = word(1) + word(2);
  private static final String MINUS_G1 = word(1)
      + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45";
  private static final String TWO_G1 =
      "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
          + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";
  private static final String THREE_G1 =
      "0769bf9ac56bea3ff40232bcb1b6bd159315d84715b8e679f2d355961915abf0"
          + "2ab799bee0489429554fdb7c8d086475319e63b40b9c5b57cdf1ff3dd9fe2261";
  private static final String SEVEN_G1 =
      "17072b2ed3bb8d759a5325f477629386cb6fc6ecb801bd76983a6b86abffe078"
          + "168ada6cd130dd52017bb54bfa19377aadfe3bf05d18f41b77809f7f60d4af9e";
  private static final String INFINITY_G1 = word(0) + word(0);
  /** The G2 generator as x_im ‖ x_re ‖ y_im ‖ y_re. */
  private static final String G2 =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
          + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

  private static String word(long value) {
    return String.format("%064x", value);
  }

  @Test
  void addsPoints() {
    assertEquals(THREE_G1, hex(ADD.run(bytes(G1 + TWO_G1))));
    assertEquals(TWO_G1, hex(ADD.run(bytes(G1 + G1))));
    assertEquals(INFINITY_G1, hex(ADD.run(bytes(G1 + MINUS_G1))));
    assertEquals(G1, hex(ADD.run(bytes(INFINITY_G1 + G1))));
  }

  @Test
  void addPadsShortInputAndIgnoresExtraBytes() {
    assertEquals(INFINITY_G1, hex(ADD.run(new byte[0])));
    assertEquals(G1, hex(ADD.run(bytes(G1))));
    assertEquals(TWO_G1, hex(ADD.run(bytes(G1 + G1 + "ff".repeat(40)))));
  }

  @Test
  void addRejectsInvalidPoints() {
    assertNull(ADD.run(bytes(word(1) + word(3) + G1)), "off the curve");
    // (1, 2 + p) satisfies the equation mod p but is not a canonical encoding.
    String twoPlusP = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd49";
    assertNull(ADD.run(bytes(G1 + word(1) + twoPlusP)), "coordinate >= p");
    assertNull(ADD.run(bytes(P + word(2) + G1)), "x = p");
  }

  @Test
  void multipliesByScalars() {
    assertEquals(TWO_G1, hex(MUL.run(bytes(G1 + word(2)))));
    assertEquals(SEVEN_G1, hex(MUL.run(bytes(G1 + word(7)))));
    assertEquals(INFINITY_G1, hex(MUL.run(bytes(G1 + word(0)))));
    assertEquals(INFINITY_G1, hex(MUL.run(bytes(INFINITY_G1 + word(5)))));
    String groupOrder = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";
    assertEquals(INFINITY_G1, hex(MUL.run(bytes(G1 + groupOrder))));
    // Scalars are not reduced first; r + 12345 and 2^256 - 1 act through the group order.
    assertEquals(
        "0a0727501cf6bf44c916599a278cf3fb65ba8cb6469f302ae87a9922282147222e5a04990f5c766155b78894"
            + "271c344e1d295acb9359a7a34823ac2ebcb574e6",
        hex(MUL.run(bytes(SEVEN_G1
            + "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0003039"))));
    assertEquals(
        "1f6825bf43bbc8b5d6aa49c0d577a236b2dc82e129ab45f180b32c902861f6ad00abd6b2d338890e038da462"
            + "4d8a57e498ab03711065282bf4e8bb46ee9f4194",
        hex(MUL.run(bytes(SEVEN_G1 + "ff".repeat(32)))));
    assertEquals(TWO_G1, hex(MUL.run(bytes(G1 + word(2) + "ff"))), "extra bytes ignored");
    assertNull(MUL.run(bytes(word(1) + word(3) + word(2))));
  }

  @Test
  void pairingChecksProducts() {
    String one = word(1);
    String zero = word(0);
    assertEquals(one, hex(PAIRING.run(new byte[0])));
    assertEquals(one, hex(PAIRING.run(bytes(G1 + G2 + MINUS_G1 + G2))));
    assertEquals(one, hex(PAIRING.run(bytes(TWO_G1 + G2 + MINUS_G1 + G2 + MINUS_G1 + G2))));
    assertEquals(zero, hex(PAIRING.run(bytes(G1 + G2))));
    assertEquals(zero, hex(PAIRING.run(bytes(TWO_G1 + G2 + MINUS_G1 + G2))));
    assertEquals(one, hex(PAIRING.run(bytes(INFINITY_G1 + G2))));
    assertEquals(one, hex(PAIRING.run(bytes(G1 + "00".repeat(128)))));
  }

  @Test
  void pairingRejectsBadInput() {
    assertNull(PAIRING.run(new byte[191]), "length 191");
    assertNull(PAIRING.run(bytes(G1 + G2 + "00")), "length not a multiple of 192");
    String g2BadY = G2.substring(0, 255) + "b"; // last nibble of y_re changed: off the twist
    assertNull(PAIRING.run(bytes(G1 + g2BadY)), "G2 off the curve");
    String g2SwappedX = G2.substring(64, 128) + G2.substring(0, 64) + G2.substring(128);
    assertNull(PAIRING.run(bytes(G1 + g2SwappedX)), "x_re/x_im swapped");
    assertNull(PAIRING.run(bytes(word(1) + word(3) + G2)), "G1 off the curve");
    assertNull(PAIRING.run(bytes(G1 + P + G2.substring(64))), "G2 coordinate = p");
  }

  @Test
  void pricesFollowEip1108FromIstanbul() {
    assertEquals(150, ADD.gasCost(new byte[0]));
    assertEquals(6_000, MUL.gasCost(new byte[0]));
    assertEquals(45_000, PAIRING.gasCost(new byte[0]));
    assertEquals(45_000 + 2 * 34_000, PAIRING.gasCost(new byte[384]));
    Precompile byzantiumPairing = Precompiles.forAddress(8, Fork.PETERSBURG);
    assertEquals(100_000 + 2 * 80_000, byzantiumPairing.gasCost(new byte[384]));
    assertEquals(500, Precompiles.forAddress(6, Fork.BYZANTIUM).gasCost(new byte[0]));
    assertEquals(40_000, Precompiles.forAddress(7, Fork.BYZANTIUM).gasCost(new byte[0]));
    assertNull(Precompiles.forAddress(6, Fork.SPURIOUS_DRAGON));
    assertNull(Precompiles.forAddress(8, Fork.SPURIOUS_DRAGON));
  }
}
