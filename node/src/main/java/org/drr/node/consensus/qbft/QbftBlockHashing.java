package org.drr.node.consensus.qbft;

import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.chain.BlockHashing;
import org.drr.node.chain.BlockHeader;
import org.drr.node.crypto.Keccak256;

/**
 * Besu's QBFT hashing rules (its {@code BftBlockHashing}):
 *
 * <ul>
 *   <li>the block hash is keccak256 of the header RLP with {@code extraData} re-encoded without
 *       commit seals and with round 0 — so it is fixed before sealing and across rounds;
 *   <li>a commit seal signs keccak256 of the header RLP with {@code extraData} re-encoded without
 *       commit seals but with the round;
 *   <li>the genesis block (number 0) is hashed as is, with its extra data untouched.
 * </ul>
 */
public final class QbftBlockHashing implements BlockHashing {
  public static final QbftBlockHashing INSTANCE = new QbftBlockHashing();

  @Override
  public Bytes32 hash(BlockHeader header) {
    return hashWith(header, QbftExtraDataCodec.Form.WITHOUT_SEALS_AND_ROUND);
  }

  /** The digest each validator signs to seal {@code header} (see the class comment). */
  public static Bytes32 commitSealHash(BlockHeader header) {
    return hashWith(header, QbftExtraDataCodec.Form.WITHOUT_SEALS);
  }

  private static Bytes32 hashWith(BlockHeader header, QbftExtraDataCodec.Form form) {
    if (header.number() == 0) {
      return Keccak256.hash(header.encode());
    }
    QbftExtraData extra = QbftExtraDataCodec.decode(header.extraData());
    return Keccak256.hash(header.withExtraData(QbftExtraDataCodec.encode(extra, form)).encode());
  }
}
