package org.drr.node.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class SignatureTest {
  @Test
  void lowSBoundaryIsHalfTheOrderInclusive() {
    assertEquals(
        UInt256.fromHexString("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0"),
        Signature.HALF_N);
    assertTrue(new Signature(UInt256.ONE, Signature.HALF_N, 0).isLowS());
    assertFalse(new Signature(UInt256.ONE, Signature.HALF_N.add(1), 0).isLowS());
  }

  @Test
  void rangeIsOneToNMinusOneWithRecoveryIdZeroOrOne() {
    UInt256 top = Signature.N.subtract(1);
    assertTrue(new Signature(UInt256.ONE, top, 1).isInRange());
    assertTrue(new Signature(top, UInt256.ONE, 0).isInRange());
    assertFalse(new Signature(UInt256.ZERO, UInt256.ONE, 0).isInRange());
    assertFalse(new Signature(UInt256.ONE, Signature.N, 0).isInRange());
    assertFalse(new Signature(UInt256.ONE, UInt256.ONE, 2).isInRange());
  }

  @Test
  void serialisesAsRThenSThenRecoveryId() {
    Signature signature = new Signature(UInt256.valueOf(1), UInt256.valueOf(2), 1);
    assertEquals(65, signature.toBytes().size());
    assertEquals(1, signature.toBytes().get(31));
    assertEquals(2, signature.toBytes().get(63));
    assertEquals(1, signature.toBytes().get(64));
    assertEquals(signature.toBytes().slice(0, 64), signature.compact());
  }
}
