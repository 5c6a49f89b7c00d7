package org.drr.node.consensus.qbft;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.types.Address;

/**
 * Builds a proposal on the current head (the core's view of block building). Every created block
 * must be passed to {@link QbftBlockImporter#importSealed} or {@link #discard}.
 */
public interface QbftBlockCreator {
  /**
   * @param extraData the unsealed QBFT extra data (validators, vote, round; no seals)
   * @param proposer the block's coinbase
   */
  QbftBlock create(long timestamp, Bytes extraData, Address proposer);

  /** Releases a proposal that will not be imported; harmless after a failed import. */
  void discard(QbftBlock block);
}
