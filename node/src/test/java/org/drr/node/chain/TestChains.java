package org.drr.node.chain;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.consensus.qbft.QbftExtraData;
import org.drr.node.consensus.qbft.QbftExtraDataCodec;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.PrivateKey;
import org.drr.node.types.Address;
import org.drr.node.types.Eip1559Transaction;
import org.drr.node.types.TransactionSigner;
import org.apache.tuweni.bytes.Bytes32;

/** Genesis files and signed transactions for chain tests. */
public final class TestChains {
  public static final long CHAIN_ID = 1337;
  public static final KeyPair VALIDATOR =
      KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + "0a".repeat(32))));
  public static final KeyPair ALICE =
      KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + "a1".repeat(32))));
  public static final KeyPair BOB =
      KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + "b0".repeat(32))));

  private TestChains() {}

  /** A Cancun, zero-base-fee QBFT genesis with ALICE and BOB funded and one contract. */
  public static String genesisJson() {
    String extra =
        QbftExtraDataCodec.encode(QbftExtraData.genesis(List.of(VALIDATOR.address()))).toHexString();
    return """
        {
          "config": {
            "chainId": %d, "berlinBlock": 0, "londonBlock": 0,
            "shanghaiTime": 0, "cancunTime": 0, "zeroBaseFee": true,
            "qbft": {"blockperiodseconds": 1, "epochlength": 30000, "requesttimeoutseconds": 4}
          },
          "nonce": "0x0", "timestamp": "0x58ee40ba", "gasLimit": "0x1fffffffffffff",
          "difficulty": "0x1", "baseFeePerGas": "0x0",
          "mixHash": "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365",
          "coinbase": "0x0000000000000000000000000000000000000000",
          "extraData": "%s",
          "alloc": {
            "%s": {"balance": "1000000000000000000000"},
            "%s": {"balance": "0x56bc75e2d63100000"},
            "0x00000000000000000000000000000000000000dd": {"code": "0x60003560aa60006000a200"},
            "0x00000000000000000000000000000000000000ee": {"code": "0x60043573%s1460005260206000f3"},
            "0x00000000000000000000000000000000000000cc": {
              "code": "0x60005460010160005500", "storage": {"0x00": "0x05"}, "balance": "0"}
          }
        }
        """
        .formatted(CHAIN_ID, extra, ALICE.address().toHexString(), BOB.address().toHexString().substring(2),
            ALICE.address().toHexString().substring(2));
  }

  /** Unsealed QBFT extra data naming the validator, for built blocks. */
  public static Bytes extraData() {
    return QbftExtraDataCodec.encode(QbftExtraData.genesis(List.of(VALIDATOR.address())));
  }

  public static GenesisConfig genesis() {
    return GenesisConfig.parse(genesisJson());
  }

  /** Emits LOG2(topic0 = 0xaa, topic1 = the first calldata word): an "asset event". */
  public static final Address EMITTER = Address.fromHexString("0x00000000000000000000000000000000000000dd");

  /**
   * A stand-in registry: {@code isActive(address)} (any selector, in fact) returns true exactly for
   * ALICE.
   */
  public static final Address ALICE_ONLY_REGISTRY = Address.fromHexString("0x00000000000000000000000000000000000000ee");

  /** A signed EIP-1559 transaction from {@code from}. */
  public static Eip1559Transaction tx(KeyPair from, long nonce, Address to, long value, Bytes data) {
    return tx(from, nonce, to, value, data, 1);
  }

  public static Eip1559Transaction tx(
      KeyPair from, long nonce, Address to, long value, Bytes data, long tip) {
    Eip1559Transaction unsigned =
        new Eip1559Transaction(
            CHAIN_ID, nonce, UInt256.valueOf(tip), UInt256.valueOf(tip + 10), 100_000,
            Optional.ofNullable(to), UInt256.valueOf(value), data, List.of(), TransactionSigner.UNSIGNED);
    return TransactionSigner.sign(unsigned, from.privateKey());
  }

  public static PendingTransaction pending(Eip1559Transaction tx, long sequence) {
    return new PendingTransaction(tx, tx.sender(), sequence);
  }
}
