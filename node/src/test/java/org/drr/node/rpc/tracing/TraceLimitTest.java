package org.drr.node.rpc.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.drr.node.rpc.LimitsBuilder;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A struct-log trace longer than the node's step limit is refused, not built. */
class TraceLimitTest {
  @Test
  void tracesBeyondTheStepLimitAreRefused(@TempDir Path dir) throws Exception {
    RpcLimits limits = LimitsBuilder.defaults().maxTraceSteps(10).build();
    RpcTestSupport.Scenario s = RpcTestSupport.scenario(dir, limits);
    try {
      String hash = s.storeCall().hash().toHexString();
      JsonNode error = s.fixture().client.error("debug_traceTransaction", hash);
      assertEquals(-32005, error.get("code").asInt());
      assertTrue(error.get("message").asText().contains("10 steps"), error.toString());
      // a caller-chosen prefix within the limit is fine, and the call tracer is not step-bound
      assertEquals(
          5,
          s.fixture()
              .client
              .call("debug_traceTransaction", hash, Map.of("limit", 5))
              .get("structLogs")
              .size());
      assertEquals(
          "CALL",
          s.fixture()
              .client
              .call("debug_traceTransaction", hash, Map.of("tracer", "callTracer"))
              .get("type")
              .asText());
    } finally {
      s.fixture().close();
    }
  }
}
