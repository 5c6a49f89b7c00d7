package org.drr.node.chain;

import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.types.Receipt;

/** A block as the chain holds it: with its hash and its transactions' receipts. */
public record StoredBlock(Bytes32 hash, Block block, List<Receipt> receipts) {
  public BlockHeader header() {
    return block.header();
  }

  public long number() {
    return block.header().number();
  }
}
