package org.drr.node.rpc.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rpc.BlockHeaderView;
import org.drr.node.rpc.LogEntry;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/** A receipt as {@code eth_getTransactionReceipt} returns it, in geth's shape. */
public final class ReceiptJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ReceiptJson() {}

  /**
   * A mined transaction's receipt with everything derived from its block.
   *
   * @param gasUsed this transaction's gas (its cumulative gas minus the previous one's)
   * @param contractAddress the address a creation deploys to (from sender and nonce), else null
   * @param logs the receipt's logs with their block positions
   */
  public record Mined(
      BlockHeaderView block,
      int index,
      Transaction transaction,
      Address sender,
      Receipt receipt,
      long gasUsed,
      Address contractAddress,
      List<LogEntry> logs) {}

  public static ObjectNode of(Mined m) {
    ObjectNode node = JSON.objectNode();
    node.put("blockHash", m.block().hash().toHexString());
    node.put("blockNumber", Hex.quantity(m.block().number()));
    node.put("blockTimestamp", Hex.quantity(m.block().timestamp()));
    if (m.contractAddress() != null) {
      node.put("contractAddress", m.contractAddress().toHexString());
    } else {
      node.putNull("contractAddress");
    }
    node.put("cumulativeGasUsed", Hex.quantity(m.receipt().cumulativeGasUsed()));
    UInt256 baseFee = m.block().baseFeePerGas().orElse(UInt256.ZERO);
    node.put("effectiveGasPrice", Hex.quantity(m.transaction().effectiveGasPrice(baseFee)));
    node.put("from", m.sender().toHexString());
    node.put("gasUsed", Hex.quantity(m.gasUsed()));
    node.set("logs", LogJson.list(m.logs(), hash -> m.block().timestamp()));
    node.put("logsBloom", m.receipt().bloom().bytes().toHexString());
    node.put("status", m.receipt().success() ? "0x1" : "0x0");
    if (m.transaction().to().isPresent()) {
      node.put("to", m.transaction().to().get().toHexString());
    } else {
      node.putNull("to");
    }
    node.put("transactionHash", m.transaction().hash().toHexString());
    node.put("transactionIndex", Hex.quantity(m.index()));
    node.put("type", Hex.quantity(m.transaction().type().code()));
    return node;
  }
}
