package org.drr.node.rpc;

import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * Receives chain events for subscriptions and filters. Callbacks run on the node's threads and must
 * return quickly without blocking (the RPC layer queues any real work).
 */
public interface ChainListener {
  /**
   * A block became the new head, after it was committed to storage (so every backend query already
   * sees it). Called once per block, in block order.
   *
   * @param receipts the block's receipts in transaction order
   */
  default void onNewBlock(BlockView block, List<Receipt> receipts) {}

  /**
   * A transaction entered the pool, with the hash and the sender the pool's admission computed
   * (recovering a sender costs an elliptic-curve operation; listeners need not repeat it).
   */
  default void onPendingTransaction(Transaction transaction, Bytes32 hash, Address sender) {}
}
