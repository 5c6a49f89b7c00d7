package org.drr.node.rpc.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.drr.node.rpc.RpcConnection;
import org.drr.node.rpc.RpcDispatcher;
import org.drr.node.rpc.LimitsBuilder;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.RpcMetrics;
import org.drr.node.rpc.RpcTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters not polled within the idle timeout disappear (driven by a clock the test moves). */
class FilterExpiryTest {
  /** A clock the test advances by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  @Test
  void idleFiltersExpire(@TempDir Path dir) throws Exception {
    RpcLimits limits = LimitsBuilder.defaults().filters(10, Duration.ofMinutes(5)).build();
    RpcTestSupport.Fixture fixture = RpcTestSupport.fixture(dir, limits);
    try {
      ManualClock clock = new ManualClock();
      ChainReader chain = new ChainReader(backendOf(fixture));
      FilterMethods filters = new FilterMethods(chain, limits, clock);
      Map<String, RpcMethod> methods = new HashMap<>();
      filters.register(methods);
      RpcDispatcher dispatcher = new RpcDispatcher(methods, limits, new RpcMetrics());
      String polled = result(dispatcher, "eth_newBlockFilter", "");
      result(dispatcher, "eth_newBlockFilter", "");
      assertEquals(2, filters.size());
      clock.advance(Duration.ofMinutes(4));
      result(dispatcher, "eth_getFilterChanges", "\"" + polled + "\"");
      clock.advance(Duration.ofMinutes(2));
      assertEquals(1, filters.size(), "only the filter polled within 5 minutes remains");
      clock.advance(Duration.ofMinutes(6));
      assertEquals(0, filters.size());
    } finally {
      fixture.close();
    }
  }

  private static org.drr.node.rpc.RpcBackend backendOf(RpcTestSupport.Fixture fixture) {
    return RpcTestSupport.backend(fixture);
  }

  private static String result(RpcDispatcher dispatcher, String method, String params) {
    String request =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[" + params + "]}";
    var response = dispatcher.dispatch(request.getBytes(), RpcConnection.HTTP);
    return response.get("result").toString().replace("\"", "");
  }
}
