package org.drr.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.LogEntry;

/** Logs in geth's JSON shape ({@code eth_getLogs}, receipts, the {@code logs} subscription). */
public final class LogJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private LogJson() {}

  /**
   * @param blockTimestamp the timestamp of the log's block ({@code blockTimestamp}, which current
   *     geth and anvil include)
   */
  public static ObjectNode of(LogEntry entry, long blockTimestamp) {
    ObjectNode node = JSON.objectNode();
    node.put("address", entry.log().address().toHexString());
    ArrayNode topics = node.putArray("topics");
    entry.log().topics().forEach(topic -> topics.add(topic.toHexString()));
    node.put("data", entry.log().data().toHexString());
    node.put("blockNumber", Hex.quantity(entry.blockNumber()));
    node.put("blockTimestamp", Hex.quantity(blockTimestamp));
    node.put("transactionHash", entry.transactionHash().toHexString());
    node.put("transactionIndex", Hex.quantity(entry.transactionIndex()));
    node.put("blockHash", entry.blockHash().toHexString());
    node.put("logIndex", Hex.quantity(entry.logIndex()));
    node.put("removed", false);
    return node;
  }

  /**
   * @param timestampOf the timestamp of the block with a given hash
   */
  public static ArrayNode list(List<LogEntry> entries, ToLongFunction<Bytes32> timestampOf) {
    ArrayNode list = JSON.arrayNode(entries.size());
    entries.forEach(entry -> list.add(of(entry, timestampOf.applyAsLong(entry.blockHash()))));
    return list;
  }
}
