package org.drr.node.consensus.qbft;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.chain.Block;
import org.drr.node.chain.BlockExecutor;
import org.drr.node.chain.BlockHeader;
import org.drr.node.crypto.Secp256k1;
import org.drr.node.crypto.Signature;
import org.drr.node.types.Address;

/**
 * Checks the consensus rules of a QBFT header against its parent, as Besu's QBFT header
 * validation does: well-formed extra data; the validator set unchanged from the parent's (votes
 * are not applied yet); the proposer (coinbase) among the validators; QBFT's fixed mixHash, zero
 * nonce, difficulty 1 and empty ommers; number, parent hash and a timestamp at least one block
 * period after the parent; and commit seals from at least a quorum (⌈2n/3⌉) of distinct
 * validators, each recovering over {@link QbftBlockHashing#commitSealHash}.
 *
 * <p>QBFT blocks carry no proposer seal: the proposer's signature travels in the consensus
 * messages, and a finished block is proven by its commit seals.
 */
public final class BlockVerifier {
  private final long blockPeriodSeconds;

  public BlockVerifier(long blockPeriodSeconds) {
    this.blockPeriodSeconds = blockPeriodSeconds;
  }

  /** ⌈2n/3⌉: the commit seals a block of {@code n} validators needs (Besu's quorum). */
  public static int quorum(int validators) {
    return (2 * validators + 2) / 3;
  }

  /**
   * @throws InvalidBlockException naming the rule broken and the values involved
   */
  public void verify(BlockHeader header, BlockHeader parent) {
    QbftExtraData parentExtra = QbftExtraDataCodec.decode(parent.extraData());
    QbftExtraData extra;
    try {
      extra = QbftExtraDataCodec.decode(header.extraData());
    } catch (InvalidExtraDataException e) {
      throw new InvalidBlockException("block " + header.number() + ": " + e.getMessage());
    }
    long n = header.number();
    require(n == parent.number() + 1, n, "number follows parent " + parent.number());
    Bytes32 parentHash = QbftBlockHashing.INSTANCE.hash(parent);
    require(header.parentHash().equals(parentHash), n,
        "parent hash " + header.parentHash() + " is the parent's hash " + parentHash);
    require(header.timestamp() >= parent.timestamp() + blockPeriodSeconds, n,
        "timestamp " + header.timestamp() + " is at least parent " + parent.timestamp() + " + period " + blockPeriodSeconds);
    require(header.mixHash().equals(BlockExecutor.BFT_MIX_HASH), n, "mixHash " + header.mixHash() + " is the BFT mix hash");
    require(header.nonce().isZero(), n, "nonce " + header.nonce() + " is zero");
    require(header.difficulty().equals(BigInteger.ONE), n, "difficulty " + header.difficulty() + " is 1");
    require(header.ommersHash().equals(Block.EMPTY_OMMERS_HASH), n, "ommers hash is the empty list's");
    require(header.gasUsed() <= header.gasLimit(), n, "gas used " + header.gasUsed() + " ≤ gas limit " + header.gasLimit());
    List<Address> validators = parentExtra.validators();
    require(extra.validators().equals(validators), n,
        "validators " + extra.validators() + " equal the parent's " + validators);
    require(validators.contains(header.coinbase()), n, "proposer " + header.coinbase() + " is a validator");
    verifySeals(header, extra, validators);
  }

  /** Checks that ≥ quorum distinct validators sealed {@code header}. */
  public static void verifySeals(BlockHeader header, QbftExtraData extra, List<Address> validators) {
    Bytes32 sealHash = QbftBlockHashing.commitSealHash(header);
    Set<Address> signers = new HashSet<>();
    for (Signature seal : extra.seals()) {
      Address signer =
          Secp256k1.recoverAddress(sealHash, seal)
              .orElseThrow(() -> new InvalidBlockException(
                  "block " + header.number() + ": a commit seal recovers no key (r=" + seal.r().toHexString() + ")"));
      if (!validators.contains(signer)) {
        throw new InvalidBlockException("block " + header.number() + ": commit seal by " + signer + ", not a validator");
      }
      if (!signers.add(signer)) {
        throw new InvalidBlockException("block " + header.number() + ": two commit seals by " + signer);
      }
    }
    int needed = quorum(validators.size());
    if (signers.size() < needed) {
      throw new InvalidBlockException(
          "block " + header.number() + ": " + signers.size() + " commit seals, quorum of " + validators.size()
              + " validators is " + needed);
    }
  }

  private static void require(boolean ok, long number, String rule) {
    if (!ok) {
      throw new InvalidBlockException("block " + number + " violates: " + rule);
    }
  }
}
