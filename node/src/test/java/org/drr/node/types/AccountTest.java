package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rlp.RlpException;
import org.junit.jupiter.api.Test;

class AccountTest {
  @Test
  void emptyConstantsMatchTheProtocol() {
    assertEquals(
        Bytes32.fromHexString("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"),
        Account.EMPTY_STORAGE_ROOT);
    assertEquals(
        Bytes32.fromHexString("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        Account.EMPTY_CODE_HASH);
    assertTrue(Account.EMPTY.isEmpty());
    assertFalse(Account.EMPTY.withNonce(1).isEmpty());
  }

  @Test
  void roundTripsThroughRlp() {
    Account account =
        Account.EMPTY.withNonce(-1).withBalance(UInt256.MAX_VALUE).withCodeHash(Bytes32.ZERO);
    assertEquals(account, Account.decode(account.encode()));
    assertEquals(
        "f8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"
            + "a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Account.EMPTY.encode().toUnprefixedHexString());
  }

  @Test
  void refusesExtraFields() {
    Bytes withExtra =
        Bytes.fromHexString(
            "f8458080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"
                + "a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47001");
    assertEquals(
        RlpException.Kind.TRAILING_BYTES,
        assertThrows(RlpException.class, () -> Account.decode(withExtra)).kind());
  }
}
