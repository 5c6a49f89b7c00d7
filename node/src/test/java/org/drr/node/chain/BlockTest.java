package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.types.LegacyTransaction;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionSigner;
import org.junit.jupiter.api.Test;

class BlockTest {
  /**
   * Sizes around RLP's length-prefix boundaries: a transaction list under 56 bytes, over 255 and
   * over 65,535 bytes, legacy transactions (embedded as lists) and typed ones (as strings).
   */
  @Test
  void encodedSizeIsTheLengthOfTheEncoding() {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Bytes data = Bytes.wrap(new byte[i * 7 % 400]);
      txs.add(i % 2 == 0
          ? TestChains.tx(TestChains.ALICE, i, TestChains.EMITTER, i, data)
          : TransactionSigner.sign(new LegacyTransaction(i, UInt256.ONE, 50_000,
              Optional.of(TestChains.EMITTER), UInt256.valueOf(i), data,
              OptionalLong.of(TestChains.CHAIN_ID), TransactionSigner.UNSIGNED),
              TestChains.BOB.privateKey()));
    }
    for (int n : new int[] {0, 1, 2, 5, 40, 300}) {
      Block block = new Block(HeaderFixtures.cancun(7, TestChains.extraData()), txs.subList(0, n));
      assertEquals(block.encode().size(), block.encodedSize(), n + " transactions");
    }
  }
}
