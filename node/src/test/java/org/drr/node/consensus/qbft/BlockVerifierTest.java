package org.drr.node.consensus.qbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.chain.BlockHeader;
import org.drr.node.chain.HeaderFixtures;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.PrivateKey;
import org.drr.node.crypto.Signature;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;

/** A four-validator Besu-format chain segment: quorum, distinct signers, header rules. */
class BlockVerifierTest {
  private final List<KeyPair> keys =
      IntStream.rangeClosed(1, 4)
          .mapToObj(i -> KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + String.format("%02x", i).repeat(32)))))
          .sorted(Comparator.comparing(KeyPair::address))
          .toList();
  private final List<Address> validators = keys.stream().map(KeyPair::address).toList();
  private final BlockHeader genesis =
      HeaderFixtures.cancun(0, QbftExtraDataCodec.encode(QbftExtraData.genesis(validators)));

  private BlockHeader child(int round, List<KeyPair> sealers) {
    BlockHeader template = HeaderFixtures.cancun(1, QbftExtraDataCodec.encode(
        new QbftExtraData(Bytes32.ZERO, validators, Optional.empty(), round, List.of())));
    BlockHeader unsealed = new BlockHeader(
        QbftBlockHashing.INSTANCE.hash(genesis), template.ommersHash(), validators.get(1), template.stateRoot(),
        template.transactionsRoot(), template.receiptsRoot(), template.logsBloom(), template.difficulty(), 1,
        template.gasLimit(), 0, genesis.timestamp() + 2, template.extraData(), template.mixHash(), template.nonce(),
        template.baseFee(), template.withdrawalsRoot(), 0L, 0L, Bytes32.ZERO);
    List<Signature> seals = new ArrayList<>();
    for (KeyPair k : sealers) {
      seals.add(new CommitSealer(k).seal(unsealed));
    }
    return CommitSealer.withSeals(unsealed, seals);
  }

  @Test
  void quorumIsCeilingOfTwoThirds() {
    assertEquals(1, BlockVerifier.quorum(1));
    assertEquals(2, BlockVerifier.quorum(2));
    assertEquals(2, BlockVerifier.quorum(3));
    assertEquals(3, BlockVerifier.quorum(4));
    assertEquals(5, BlockVerifier.quorum(7));
  }

  @Test
  void acceptsAQuorumOfSealsInAnyRound() {
    BlockVerifier verifier = new BlockVerifier(1);
    verifier.verify(child(0, keys.subList(0, 3)), genesis);
    verifier.verify(child(5, keys), genesis);
    // seals made for round 0 do not verify a header that claims round 1
    BlockHeader round0 = child(0, keys.subList(0, 3));
    QbftExtraData extra = QbftExtraDataCodec.decode(round0.extraData());
    BlockHeader relabelled = round0.withExtraData(QbftExtraDataCodec.encode(extra.withRound(1)));
    assertEquals(QbftBlockHashing.INSTANCE.hash(round0), QbftBlockHashing.INSTANCE.hash(relabelled));
    assertThrows(InvalidBlockException.class, () -> verifier.verify(relabelled, genesis));
  }

  @Test
  void rejectsTooFewDuplicateOrForeignSeals() {
    BlockVerifier verifier = new BlockVerifier(1);
    var e = assertThrows(InvalidBlockException.class, () -> verifier.verify(child(0, keys.subList(0, 2)), genesis));
    assertTrue(e.getMessage().contains("2 commit seals, quorum of 4 validators is 3"), e.getMessage());
    e = assertThrows(InvalidBlockException.class,
        () -> verifier.verify(child(0, List.of(keys.get(0), keys.get(0), keys.get(1))), genesis));
    assertTrue(e.getMessage().contains("two commit seals"), e.getMessage());
    KeyPair outsider = KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + "77".repeat(32))));
    e = assertThrows(InvalidBlockException.class,
        () -> verifier.verify(child(0, List.of(keys.get(0), keys.get(1), outsider)), genesis));
    assertTrue(e.getMessage().contains("not a validator"), e.getMessage());
  }

  @Test
  void rejectsHeaderRuleViolations() {
    BlockVerifier slow = new BlockVerifier(5);
    var e = assertThrows(InvalidBlockException.class, () -> slow.verify(child(0, keys), genesis));
    assertTrue(e.getMessage().contains("timestamp"), e.getMessage());
    BlockHeader good = child(0, keys);
    BlockHeader wrongParent = new BlockHeader(
        Bytes32.ZERO, good.ommersHash(), good.coinbase(), good.stateRoot(), good.transactionsRoot(),
        good.receiptsRoot(), good.logsBloom(), good.difficulty(), 1, good.gasLimit(), 0, good.timestamp(),
        good.extraData(), good.mixHash(), good.nonce(), good.baseFee(), good.withdrawalsRoot(), 0L, 0L, Bytes32.ZERO);
    e = assertThrows(InvalidBlockException.class, () -> new BlockVerifier(1).verify(wrongParent, genesis));
    assertTrue(e.getMessage().contains("parent hash"), e.getMessage());
  }
}
