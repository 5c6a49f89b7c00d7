package org.drr.node.consensus.qbft;

import org.drr.node.chain.BlockHeader;

/**
 * A block proposal as the consensus core sees it (Besu's {@code QbftBlock}): its header and
 * whether it carries transactions. The node's adapter keeps whatever else it needs behind it.
 */
public interface QbftBlock {
  BlockHeader header();

  boolean isEmpty();
}
