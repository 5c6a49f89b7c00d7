package org.drr.node.rpc.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drr.node.rpc.LimitsBuilder;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcTestSupport;
import org.drr.node.types.Address;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eth_getLogs with its limits, and polling filters, over real HTTP. */
class LogsAndFiltersTest {
  private static final RpcLimits LIMITS =
      LimitsBuilder.defaults().logs(10, 3).filters(3, Duration.ofMinutes(5)).build();

  private RpcTestSupport.Scenario s;

  @BeforeEach
  void setUp(@TempDir Path dir) throws Exception {
    s = RpcTestSupport.scenario(dir, LIMITS);
  }

  @AfterEach
  void tearDown() {
    s.fixture().close();
  }

  private JsonNode call(String method, Object... params) throws Exception {
    return s.fixture().client.call(method, params);
  }

  private JsonNode error(String method, Object... params) throws Exception {
    return s.fixture().client.error(method, params);
  }

  private void store(int value) throws Exception {
    s.fixture().send(s.fixture().storeTransaction(s.store(), value));
    s.fixture().mine();
  }

  @Test
  void getLogsByAddressTopicAndBlockHash() throws Exception {
    String store = s.store().toHexString();
    JsonNode all = call("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "latest"));
    assertEquals(1, all.size());
    JsonNode log = all.get(0);
    assertEquals(store, log.get("address").asText());
    assertEquals("0x3", log.get("blockNumber").asText());
    assertEquals(s.storeCall().hash().toHexString(), log.get("transactionHash").asText());
    assertEquals("0x1", log.get("transactionIndex").asText());
    assertEquals(
        1,
        call(
                "eth_getLogs",
                Map.of(
                    "fromBlock",
                    "0x0",
                    "address",
                    List.of(store),
                    "topics",
                    List.of(RpcTestSupport.STORED_TOPIC.toHexString())))
            .size());
    assertEquals(
        0,
        call("eth_getLogs", Map.of("fromBlock", "0x0", "address", "0x" + "00".repeat(20))).size());
    assertEquals(
        0,
        call("eth_getLogs", Map.of("fromBlock", "0x0", "topics", List.of("0x" + "00".repeat(32))))
            .size());
    java.util.ArrayList<Object> wildcardThenNone = new java.util.ArrayList<>();
    wildcardThenNone.add(null);
    wildcardThenNone.add("0x" + "00".repeat(32));
    assertEquals(
        0,
        call("eth_getLogs", Map.of("fromBlock", "0x0", "topics", wildcardThenNone)).size(),
        "the log has one topic, so a second-position topic cannot match");
    assertEquals(1, call("eth_getLogs", Map.of("blockHash", log.get("blockHash").asText())).size());
    assertEquals(1, call("eth_getLogs", Map.of()).size(), "default range: the latest block (3)");
    s.fixture().mine();
    assertEquals(0, call("eth_getLogs", Map.of()).size(), "the latest block is now empty");
  }

  @Test
  void wideRangesAndLargeResultsAreRefused() throws Exception {
    for (int i = 0; i < 8; i++) {
      s.fixture().mine();
    }
    JsonNode wide = error("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "0xb"));
    assertEquals(-32005, wide.get("code").asInt());
    assertTrue(wide.get("message").asText().contains("block range of 12 blocks"), wide.toString());
    for (int v = 1; v <= 4; v++) {
      store(v);
    }
    JsonNode many = error("eth_getLogs", Map.of("fromBlock", "0x6", "toBlock", "latest"));
    assertEquals(-32005, many.get("code").asInt());
    assertTrue(many.get("message").asText().contains("more than 3 results"), many.toString());
    JsonNode reversed = error("eth_getLogs", Map.of("fromBlock", "0x3", "toBlock", "0x2"));
    assertEquals(-32602, reversed.get("code").asInt());
    JsonNode both =
        error("eth_getLogs", Map.of("fromBlock", "0x1", "blockHash", "0x" + "00".repeat(32)));
    assertEquals(-32602, both.get("code").asInt());
    JsonNode badTopic = error("eth_getLogs", Map.of("topics", List.of("0x1234")));
    assertEquals(-32602, badTopic.get("code").asInt());
  }

  @Test
  void blockFilterReportsEachNewBlockOnce() throws Exception {
    String id = call("eth_newBlockFilter").asText();
    assertEquals(0, call("eth_getFilterChanges", id).size());
    String hash = s.fixture().mine().header().hash().toHexString();
    JsonNode changes = call("eth_getFilterChanges", id);
    assertEquals(List.of(hash), List.of(changes.get(0).asText()));
    assertEquals(0, call("eth_getFilterChanges", id).size());
    assertTrue(call("eth_uninstallFilter", id).asBoolean());
    assertFalse(call("eth_uninstallFilter", id).asBoolean());
    JsonNode gone = error("eth_getFilterChanges", id);
    assertEquals(-32000, gone.get("code").asInt());
    assertTrue(gone.get("message").asText().contains("filter not found"));
  }

  @Test
  void logFilterReportsNewMatchingLogs() throws Exception {
    String id = call("eth_newFilter", Map.of("address", s.store().toHexString())).asText();
    assertEquals(0, call("eth_getFilterChanges", id).size(), "starts after the current head");
    store(5);
    JsonNode changes = call("eth_getFilterChanges", id);
    assertEquals(1, changes.size());
    assertTrue(changes.get(0).get("data").asText().endsWith("05"));
    assertEquals(0, call("eth_getFilterChanges", id).size());
    String fromStart =
        call("eth_newFilter", Map.of("fromBlock", "0x0", "address", s.store().toHexString()))
            .asText();
    assertEquals(2, call("eth_getFilterLogs", fromStart).size());
    String blocks = call("eth_newBlockFilter").asText();
    assertEquals(-32602, error("eth_getFilterLogs", blocks).get("code").asInt());
  }

  @Test
  void filterCountIsBounded() throws Exception {
    for (int i = 0; i < 3; i++) {
      call("eth_newBlockFilter");
    }
    JsonNode full = error("eth_newBlockFilter");
    assertEquals(-32005, full.get("code").asInt());
    assertTrue(full.get("message").asText().contains("limit 3"));
  }

  @Test
  void pendingTransactionFilter() throws Exception {
    String id = call("eth_newPendingTransactionFilter").asText();
    String hash = s.fixture().send(s.fixture().transfer(RpcTestSupport.BOB, Address.ZERO, 1));
    assertEquals(hash, call("eth_getFilterChanges", id).get(0).asText());
    JsonNode pending = call("eth_getTransactionByHash", hash);
    assertTrue(pending.get("blockHash").isNull());
    assertTrue(pending.get("blockNumber").isNull());
    assertEquals(
        "0x2",
        call("eth_getTransactionCount", RpcTestSupport.BOB.address().toHexString(), "pending")
            .asText());
    assertEquals(
        "0x1",
        call("eth_getTransactionCount", RpcTestSupport.BOB.address().toHexString(), "latest")
            .asText());
  }
}
