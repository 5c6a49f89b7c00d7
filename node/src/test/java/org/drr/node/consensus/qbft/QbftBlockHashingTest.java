package org.drr.node.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.drr.node.chain.BlockHeader;
import org.drr.node.chain.HeaderFixtures;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.Keccak256;
import org.drr.node.crypto.Secp256k1;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;

/**
 * Checks the hash rules against an independent encoding: the header and extra data re-encoded
 * with tuweni's RLP (not our writer), following Besu's {@code BftBlockHashing} rules.
 */
class QbftBlockHashingTest {
  private final KeyPair validator = KeyPair.random(new SecureRandom());

  @Test
  void blockHashIgnoresSealsAndRoundAndMatchesIndependentEncoding() {
    QbftExtraData unsealed =
        new QbftExtraData(Bytes32.ZERO, List.of(validator.address()), Optional.empty(), 2, List.of());
    BlockHeader header = HeaderFixtures.cancun(5, QbftExtraDataCodec.encode(unsealed));
    Bytes32 sealHash = QbftBlockHashing.commitSealHash(header);
    var seal = Secp256k1.sign(sealHash, validator.privateKey());
    BlockHeader sealed = header.withExtraData(QbftExtraDataCodec.encode(unsealed.withSeals(List.of(seal))));
    BlockHeader otherRound =
        header.withExtraData(QbftExtraDataCodec.encode(unsealed.withRound(9).withSeals(List.of(seal))));

    Bytes32 hash = QbftBlockHashing.INSTANCE.hash(sealed);
    assertEquals(hash, QbftBlockHashing.INSTANCE.hash(header));
    assertEquals(hash, QbftBlockHashing.INSTANCE.hash(otherRound));
    assertEquals(independentHash(sealed, 0, validator.address()), hash);
    assertEquals(independentHash(sealed, 2, validator.address()), sealHash);
    assertNotEquals(hash, sealHash);
    assertEquals(validator.address(), Secp256k1.recoverAddress(QbftBlockHashing.commitSealHash(sealed), seal).orElseThrow());
  }

  @Test
  void genesisIsHashedWhole() {
    BlockHeader genesis =
        HeaderFixtures.cancun(0, QbftExtraDataCodec.encode(QbftExtraData.genesis(List.of(validator.address()))));
    assertEquals(Keccak256.hash(genesis.encode()), QbftBlockHashing.INSTANCE.hash(genesis));
  }

  /** keccak(rlp(header with extraData = rlp([vanity, [v], [], round, []]))) via tuweni's RLP. */
  private static Bytes32 independentHash(BlockHeader h, int round, Address v) {
    Bytes extra =
        RLP.encodeList(
            w -> {
              w.writeValue(Bytes.wrap(new byte[32]));
              w.writeList(l -> l.writeValue(v.bytes()));
              w.writeList(l -> {});
              w.writeInt(round);
              w.writeList(l -> {});
            });
    Bytes rlp =
        RLP.encodeList(
            w -> {
              w.writeValue(h.parentHash());
              w.writeValue(h.ommersHash());
              w.writeValue(h.coinbase().bytes());
              w.writeValue(h.stateRoot());
              w.writeValue(h.transactionsRoot());
              w.writeValue(h.receiptsRoot());
              w.writeValue(h.logsBloom().bytes());
              w.writeBigInteger(h.difficulty());
              w.writeLong(h.number());
              w.writeLong(h.gasLimit());
              w.writeLong(h.gasUsed());
              w.writeLong(h.timestamp());
              w.writeValue(extra);
              w.writeValue(h.mixHash());
              w.writeValue(h.nonce());
              w.writeBigInteger(h.baseFee());
              w.writeValue(h.withdrawalsRoot());
              w.writeLong(h.blobGasUsed());
              w.writeLong(h.excessBlobGas());
              w.writeValue(h.parentBeaconBlockRoot());
            });
    return Keccak256.hash(rlp);
  }
}
