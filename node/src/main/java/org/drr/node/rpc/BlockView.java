package org.drr.node.rpc;

import java.util.List;
import org.drr.node.types.Transaction;

/**
 * A block as the RPC layer reports it.
 *
 * @param header the header, with the block hash
 * @param transactions the body's transactions in block order
 * @param size the byte length of the block's RLP encoding (the {@code size} field)
 */
public record BlockView(BlockHeaderView header, List<Transaction> transactions, long size) {
  public BlockView {
    transactions = List.copyOf(transactions);
  }

  public long number() {
    return header.number();
  }
}
