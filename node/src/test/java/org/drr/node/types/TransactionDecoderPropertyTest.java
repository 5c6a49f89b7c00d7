package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.PrivateKey;
import org.junit.jupiter.api.Test;

/** Corrupted transactions fail only with InvalidTransactionException, never anything else. */
class TransactionDecoderPropertyTest {
  @Test
  void bitFlipsAndTruncationsAreRefusedCleanlyOrStillRoundTrip() {
    PrivateKey key = PrivateKey.of(Bytes32.fromHexString("33".repeat(32)));
    Address to = Address.precompile(0x42);
    AccessListEntry entry = new AccessListEntry(to, List.of(Bytes32.ZERO));
    List<Transaction> samples =
        List.of(
            TransactionSigner.sign(
                new LegacyTransaction(
                    1,
                    UInt256.valueOf(7),
                    90_000,
                    Optional.of(to),
                    UInt256.ONE,
                    Bytes.fromHexString("0xdeadbeef"),
                    OptionalLong.of(1),
                    TransactionSigner.UNSIGNED),
                key),
            TransactionSigner.sign(
                new AccessListTransaction(
                    1,
                    2,
                    UInt256.valueOf(7),
                    90_000,
                    Optional.empty(),
                    UInt256.ZERO,
                    Bytes.fromHexString("0x6000"),
                    List.of(entry),
                    TransactionSigner.UNSIGNED),
                key),
            TransactionSigner.sign(
                new Eip1559Transaction(
                    1,
                    3,
                    UInt256.ONE,
                    UInt256.valueOf(9),
                    90_000,
                    Optional.of(to),
                    UInt256.ZERO,
                    Bytes.EMPTY,
                    List.of(entry),
                    TransactionSigner.UNSIGNED),
                key));
    Random random = new Random(99);
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = samples.get(i % samples.size()).encoded().toArray();
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      if (random.nextInt(4) == 0) {
        bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      Bytes input = Bytes.wrap(bytes);
      Transaction tx;
      try {
        tx = TransactionDecoder.decode(input);
      } catch (InvalidTransactionException expected) {
        continue;
      }
      assertEquals(input, tx.encoded(), "an accepted encoding must be canonical");
    }
  }
}
