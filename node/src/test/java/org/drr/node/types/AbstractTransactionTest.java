package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Keccak256;
import org.drr.node.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

class AbstractTransactionTest {
  private static final PrivateKey KEY = PrivateKey.of(Bytes32.fromHexString("46".repeat(32)));
  private static final Address TO = Address.fromHexString("0x" + "35".repeat(20));

  private static Eip1559Transaction transfer(long value) {
    Eip1559Transaction unsigned = new Eip1559Transaction(1, 3, UInt256.ONE, UInt256.valueOf(9),
        21_000, Optional.of(TO), UInt256.valueOf(value), Bytes.EMPTY, List.of(),
        TransactionSigner.UNSIGNED);
    return TransactionSigner.sign(unsigned, KEY);
  }

  @Test
  void encodesAndHashesOnceAndAgreesWithAFreshEncoding() {
    Eip1559Transaction tx = transfer(5);
    assertSame(tx.encoded(), tx.encoded());
    assertSame(tx.hash(), tx.hash());
    Transaction decoded = TransactionDecoder.decode(tx.encoded());
    assertEquals(tx.encoded(), decoded.encoded());
    assertEquals(Keccak256.hash(tx.encoded()), decoded.hash());
  }

  @Test
  void transactionsAreEqualExactlyWhenTheirEncodingsAre() {
    Transaction tx = transfer(5);
    Transaction same = TransactionDecoder.decode(transfer(5).encoded());
    assertEquals(tx, same);
    assertEquals(tx.hashCode(), same.hashCode());
    assertNotEquals(tx, transfer(6));
  }
}
