package org.drr.node.consensus.qbft;

import org.drr.node.chain.BlockHeader;

/** The chain as the QBFT core sees it: its head, and whether transactions are waiting. */
public interface QbftBlockchain {
  BlockHeader headHeader();

  /** Whether a transaction could be included in the next block now. */
  boolean hasPendingTransactions();
}
