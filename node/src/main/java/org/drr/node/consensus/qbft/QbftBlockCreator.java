package org.drr.node.consensus.qbft;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.types.Address;

/**
 * Builds a proposal on the current head (the core's view of block building). Every created block
 * must be passed to {@link QbftBlockImporter#importSealed} or {@link #discard}.
 */
public interface QbftBlockCreator {
  /**
   * Starts the block at {@code timestamp} on the current head ahead of time, executing what is
   * pending now; each later call adds what arrived since. A {@link #create} with the same
   * timestamp on the same head then only finishes that block, so the work of a block period is
   * spread over the period instead of landing at its end.
   */
  void prepare(long timestamp, Address proposer);

  /** Abandons a block prepared ahead, if any: the caller stops producing. */
  void releasePrepared();

  /**
   * @param extraData the unsealed QBFT extra data (validators, vote, round; no seals)
   * @param proposer the block's coinbase
   */
  QbftBlock create(long timestamp, Bytes extraData, Address proposer);

  /** Releases a proposal that will not be imported; harmless after a failed import. */
  void discard(QbftBlock block);
}
