package org.drr.node.consensus.qbft;

import org.drr.node.chain.BlockHeader;

/** Commits a sealed proposal to the chain (the core's view of block import). */
public interface QbftBlockImporter {
  /** @param sealedHeader {@code block}'s header with the commit seals in its extra data */
  void importSealed(QbftBlock block, BlockHeader sealedHeader);
}
