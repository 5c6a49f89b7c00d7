package org.drr.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.drr.node.rpc.LogEntry;

/** Logs in geth's JSON shape ({@code eth_getLogs}, receipts, the {@code logs} subscription). */
public final class LogJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private LogJson() {}

  public static ObjectNode of(LogEntry entry) {
    ObjectNode node = JSON.objectNode();
    node.put("address", entry.log().address().toHexString());
    ArrayNode topics = node.putArray("topics");
    entry.log().topics().forEach(topic -> topics.add(topic.toHexString()));
    node.put("data", entry.log().data().toHexString());
    node.put("blockNumber", Hex.quantity(entry.blockNumber()));
    node.put("transactionHash", entry.transactionHash().toHexString());
    node.put("transactionIndex", Hex.quantity(entry.transactionIndex()));
    node.put("blockHash", entry.blockHash().toHexString());
    node.put("logIndex", Hex.quantity(entry.logIndex()));
    node.put("removed", false);
    return node;
  }

  public static ArrayNode list(List<LogEntry> entries) {
    ArrayNode list = JSON.arrayNode(entries.size());
    entries.forEach(entry -> list.add(of(entry)));
    return list;
  }
}
