package org.drr.node.rpc.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.RpcTestSupport;
import org.drr.node.types.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** debug_traceTransaction with the struct logger and the call tracer, replayed by the real EVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceTransactionTest {
  private RpcTestSupport.Scenario s;
  private Transaction reverting;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    s = RpcTestSupport.scenario(dir);
    reverting = s.fixture().storeTransactionWithoutData(s.store());
    s.fixture().send(reverting);
    s.fixture().mine();
  }

  @AfterAll
  void tearDown() {
    s.fixture().close();
  }

  private JsonNode call(String method, Object... params) throws Exception {
    return s.fixture().client.call(method, params);
  }

  @Test
  void structLogsFollowGethsShape() throws Exception {
    String hash = s.storeCall().hash().toHexString();
    JsonNode trace = call("debug_traceTransaction", hash);
    JsonNode receipt = call("eth_getTransactionReceipt", hash);
    assertEquals(Long.decode(receipt.get("gasUsed").asText()), trace.get("gas").asLong());
    assertFalse(trace.get("failed").asBoolean());
    assertEquals(Bytes32.leftPad(Bytes.of(42)).toHexString(), trace.get("returnValue").asText());
    JsonNode logs = trace.get("structLogs");
    JsonNode first = logs.get(0);
    assertEquals(0, first.get("pc").asInt());
    assertEquals("CALLDATASIZE", first.get("op").asText());
    assertEquals(1, first.get("depth").asInt());
    assertEquals(2, first.get("gasCost").asInt());
    assertEquals(0, first.get("stack").size());
    JsonNode last = logs.get(logs.size() - 1);
    assertEquals("RETURN", last.get("op").asText());
    assertEquals(1, last.get("depth").asInt());
    boolean sawStore = false;
    boolean sawChild = false;
    for (int i = 0; i + 1 < logs.size(); i++) {
      JsonNode step = logs.get(i);
      JsonNode next = logs.get(i + 1);
      if (step.get("depth").asInt() == 2) {
        sawChild = true;
      }
      if ("SSTORE".equals(step.get("op").asText())) {
        sawStore = true;
        assertEquals(
            "0x000000000000000000000000000000000000000000000000000000000000002a",
            step.get("storage").get("0x" + "0".repeat(64)).asText());
      }
      boolean sameFrame = step.get("depth").asInt() == next.get("depth").asInt();
      if (sameFrame && !step.get("op").asText().startsWith("CALL")) {
        assertEquals(
            step.get("gas").asLong() - step.get("gasCost").asLong(),
            next.get("gas").asLong(),
            "gas accounting between steps " + i + " and " + (i + 1) + ": " + step + " " + next);
      }
      if ("CALL".equals(step.get("op").asText())) {
        // the callee starts with the gas the CALL handed over, which is part of its cost
        assertTrue(next.get("gas").asLong() < step.get("gasCost").asLong(), step + " " + next);
        assertEquals(2, next.get("depth").asInt());
      }
    }
    assertTrue(sawStore && sawChild);
  }

  @Test
  void structLoggerOptions() throws Exception {
    String hash = s.storeCall().hash().toHexString();
    JsonNode bare =
        call("debug_traceTransaction", hash, Map.of("disableStack", true, "disableStorage", true));
    for (JsonNode step : bare.get("structLogs")) {
      assertFalse(step.has("stack") || step.has("storage") || step.has("memory"), step.toString());
    }
    JsonNode withMemory = call("debug_traceTransaction", hash, Map.of("enableMemory", true));
    boolean sawMemory = false;
    for (JsonNode step : withMemory.get("structLogs")) {
      if (step.get("memory").size() > 0) {
        sawMemory = true;
        assertEquals(64, step.get("memory").get(0).asText().length());
      }
    }
    assertTrue(sawMemory);
    assertEquals(
        5, call("debug_traceTransaction", hash, Map.of("limit", 5)).get("structLogs").size());
  }

  @Test
  void callTracerShowsTheCallTree() throws Exception {
    String hash = s.storeCall().hash().toHexString();
    JsonNode tree = call("debug_traceTransaction", hash, Map.of("tracer", "callTracer"));
    JsonNode receipt = call("eth_getTransactionReceipt", hash);
    assertEquals("CALL", tree.get("type").asText());
    assertEquals(RpcTestSupport.BOB.address().toHexString(), tree.get("from").asText());
    assertEquals(s.forwarder().toHexString(), tree.get("to").asText());
    assertEquals("0x1340c", tree.get("gas").asText(), "100000 minus intrinsic 21140");
    assertEquals(receipt.get("gasUsed").asText(), tree.get("gasUsed").asText());
    String word = Bytes32.leftPad(Bytes.of(42)).toHexString();
    assertEquals(word, tree.get("input").asText());
    assertEquals(word, tree.get("output").asText());
    JsonNode inner = tree.get("calls").get(0);
    assertEquals("CALL", inner.get("type").asText());
    assertEquals(s.forwarder().toHexString(), inner.get("from").asText());
    assertEquals(s.store().toHexString(), inner.get("to").asText());
    assertEquals("0x0", inner.get("value").asText());
    assertEquals(word, inner.get("output").asText());
    assertFalse(inner.has("error"));
    assertFalse(inner.has("calls"));
  }

  @Test
  void revertsAreReported() throws Exception {
    String hash = reverting.hash().toHexString();
    JsonNode tree = call("debug_traceTransaction", hash, Map.of("tracer", "callTracer"));
    assertEquals("execution reverted", tree.get("error").asText());
    assertEquals("nope", tree.get("revertReason").asText());
    assertTrue(tree.get("output").asText().startsWith("0x08c379a0"));
    JsonNode logs = call("debug_traceTransaction", hash);
    assertTrue(logs.get("failed").asBoolean());
    JsonNode structLogs = logs.get("structLogs");
    assertEquals("REVERT", structLogs.get(structLogs.size() - 1).get("op").asText());
    assertTrue(logs.get("returnValue").asText().startsWith("0x08c379a0"));
  }

  @Test
  void errors() throws Exception {
    JsonNode missing = s.fixture().client.error("debug_traceTransaction", "0x" + "ee".repeat(32));
    assertEquals(-32000, missing.get("code").asInt());
    JsonNode tracer =
        s.fixture()
            .client
            .error(
                "debug_traceTransaction",
                s.storeCall().hash().toHexString(),
                Map.of("tracer", "prestateTracer"));
    assertEquals(-32602, tracer.get("code").asInt());
    assertTrue(tracer.get("message").asText().contains("prestateTracer"));
  }
}
