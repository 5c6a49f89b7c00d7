package org.drr.node.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences between two nodes' receipts of one transaction, each naming the transaction
 * index and the field: status, gasUsed, cumulativeGasUsed, contractAddress, blockNumber,
 * transactionIndex, and per log address, topics, data and logIndex.
 */
final class ReceiptDiff {
  private static final List<String> FIELDS = List.of("status", "gasUsed", "cumulativeGasUsed",
      "contractAddress", "blockNumber", "transactionIndex");
  private static final List<String> LOG_FIELDS = List.of("address", "topics", "data", "logIndex");

  private ReceiptDiff() {}

  static List<String> between(int index, String label, JsonNode anvil, JsonNode node) {
    List<String> out = new ArrayList<>();
    for (String f : FIELDS) {
      compare(out, index, label, f, anvil.get(f), node.get(f));
    }
    JsonNode anvilLogs = anvil.get("logs");
    JsonNode nodeLogs = node.get("logs");
    if (anvilLogs.size() != nodeLogs.size()) {
      out.add(prefix(index, label) + "logs: anvil has " + anvilLogs.size() + ", node has "
          + nodeLogs.size());
      return out;
    }
    for (int i = 0; i < anvilLogs.size(); i++) {
      for (String f : LOG_FIELDS) {
        compare(out, index, label, "logs[" + i + "]." + f, anvilLogs.get(i).get(f),
            nodeLogs.get(i).get(f));
      }
    }
    return out;
  }

  static void compare(List<String> out, int index, String label, String field, JsonNode anvil,
      JsonNode node) {
    String a = normal(anvil);
    String n = normal(node);
    if (!a.equals(n)) {
      out.add(prefix(index, label) + field + ": anvil " + a + ", node " + n);
    }
  }

  /** Absent and null are the same; addresses and hex compare case-insensitively. */
  private static String normal(JsonNode value) {
    return value == null || value.isNull() ? "null" : value.toString().toLowerCase();
  }

  private static String prefix(int index, String label) {
    return "tx " + index + " (" + label + "): ";
  }
}
