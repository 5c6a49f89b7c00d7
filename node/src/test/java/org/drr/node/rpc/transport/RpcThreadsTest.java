package org.drr.node.rpc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.drr.node.rpc.RpcDispatcher;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.RpcMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RPC threads run below the process's priority, on a real kernel. */
class RpcThreadsTest {
  private int lowered;

  @BeforeEach
  void linuxOnly() {
    var process = ThreadNiceness.process();
    assumeTrue(process.isPresent(), "threads' nice values are Linux's; this system shows none");
    lowered = Math.min(ThreadNiceness.MAX_NICE, process.getAsInt() + RpcThreads.NICE_LEVELS);
  }

  /** Starts a thread from {@code factory} and returns the nice value it ran at. */
  private static int niceOfThreadFrom(ThreadFactory factory) throws InterruptedException {
    AtomicInteger seen = new AtomicInteger(Integer.MIN_VALUE);
    Thread thread = factory.newThread(() -> seen.set(ThreadNiceness.current().orElseThrow()));
    thread.start();
    thread.join();
    return seen.get();
  }

  @Test
  void threadsOfBothFactoriesRunBelowTheProcessWhoseOtherThreadsKeepTheirPriority()
      throws Exception {
    int before = ThreadNiceness.current().orElseThrow();
    assertEquals(lowered, niceOfThreadFrom(RpcThreads.plain("t-")));
    assertEquals(lowered, niceOfThreadFrom(RpcThreads.deepStack("d-")));
    assertEquals(before, ThreadNiceness.current().orElseThrow(), "the creating thread is unchanged");
  }

  @Test
  void aThreadMadeByALoweredThreadIsNotLoweredTwice() throws Exception {
    // Linux threads inherit their creator's nice value; Netty's acceptor starts the loop threads.
    AtomicInteger inner = new AtomicInteger(Integer.MIN_VALUE);
    Thread outer = RpcThreads.plain("outer-").newThread(() -> {
      try {
        inner.set(niceOfThreadFrom(RpcThreads.plain("inner-")));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    outer.start();
    outer.join();
    assertEquals(lowered, inner.get());
  }

  @Test
  void httpRequestsAreAnsweredOnLoweredThreads() throws Exception {
    RpcMethod niceOfCaller = (params, connection) -> IntNode.valueOf(ThreadNiceness.current().orElseThrow());
    RpcDispatcher dispatcher =
        new RpcDispatcher(Map.of("test_nice", niceOfCaller), RpcLimits.DEFAULTS, new RpcMetrics());
    try (RpcServer server = new RpcServer(RpcServerConfig.loopback(), dispatcher)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_nice\",\"params\":[]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(lowered, new ObjectMapper().readTree(response.body()).get("result").asInt(),
          response.body());
    }
  }
}
