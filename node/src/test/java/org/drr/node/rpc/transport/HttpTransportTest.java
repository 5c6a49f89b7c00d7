package org.drr.node.rpc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.drr.node.rpc.RpcDispatcher;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.RpcMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP transport and the dispatcher on a real loopback port, with real HTTP clients: JSON-RPC
 * 2.0 framing, batches, and hostile requests answered with the right error and no crash.
 */
class HttpTransportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RpcLimits LIMITS =
      new RpcLimits(
          64 * 1024, 10, 16, 100, 100, 5, java.time.Duration.ofMinutes(1), 5, 4, 1_000_000, 1000);

  private final HttpClient http = HttpClient.newHttpClient();
  private RpcServer server;
  private RpcMetrics metrics;

  @BeforeEach
  void start() throws IOException {
    metrics = new RpcMetrics();
    server =
        new RpcServer(
            RpcServerConfig.loopback().withCors(List.of("https://allowed.example")), dispatcher());
  }

  private RpcDispatcher dispatcher() {
    Map<String, RpcMethod> methods =
        Map.of(
            "test_echo", (p, c) -> p.node(0, "value"),
            "test_fail",
                (p, c) -> {
                  throw new IllegalStateException("boom");
                },
            "test_revert",
                (p, c) -> {
                  throw new RpcException(
                      RpcException.EXECUTION_REVERTED, "execution reverted", "0x1234");
                });
    return new RpcDispatcher(methods, LIMITS, metrics);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode postJson(String body) throws Exception {
    HttpResponse<String> response = post(body);
    assertEquals(200, response.statusCode(), response.body());
    return MAPPER.readTree(response.body());
  }

  @Test
  void singleRequestEchoesIdAndResult() throws Exception {
    JsonNode r =
        postJson("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"test_echo\",\"params\":[42]}");
    assertEquals("abc", r.get("id").asText());
    assertEquals(42, r.get("result").asInt());
    assertEquals("2.0", r.get("jsonrpc").asText());
    assertEquals(1, metrics.get("test_echo").count());
  }

  @Test
  void unknownMethodIs32601() throws Exception {
    JsonNode r =
        postJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nothing\",\"params\":[]}");
    assertEquals(-32601, r.get("error").get("code").asInt());
    assertTrue(r.get("error").get("message").asText().contains("eth_nothing"));
  }

  @Test
  void malformedJsonIs32700WithNullId() throws Exception {
    JsonNode r = postJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertEquals(-32700, r.get("error").get("code").asInt());
    assertTrue(r.get("id").isNull());
  }

  @Test
  void invalidRequestsAre32600() throws Exception {
    assertEquals(-32600, postJson("42").get("error").get("code").asInt());
    assertEquals(-32600, postJson("[]").get("error").get("code").asInt());
    assertEquals(
        -32600,
        postJson("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test_echo\"}")
            .get("error")
            .get("code")
            .asInt());
    assertEquals(
        -32600,
        postJson("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"test_echo\"}")
            .get("error")
            .get("code")
            .asInt());
  }

  @Test
  void paramsThatAreNotAnArrayAre32602() throws Exception {
    JsonNode r =
        postJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":{\"a\":1}}");
    assertEquals(-32602, r.get("error").get("code").asInt());
    assertTrue(r.get("error").get("message").asText().contains("positional"), r.toString());
  }

  @Test
  void unexpectedFailureIs32603AndServerKeepsServing() throws Exception {
    JsonNode r = postJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_fail\",\"params\":[]}");
    assertEquals(-32603, r.get("error").get("code").asInt());
    assertTrue(r.get("error").get("message").asText().contains("boom"));
    assertEquals(
        7,
        postJson("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_echo\",\"params\":[7]}")
            .get("result")
            .asInt());
    assertEquals(1, metrics.get("test_fail").errors());
  }

  @Test
  void revertCarriesDataInError() throws Exception {
    JsonNode r =
        postJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_revert\",\"params\":[]}");
    assertEquals(3, r.get("error").get("code").asInt());
    assertEquals("0x1234", r.get("error").get("data").asText());
  }

  @Test
  void batchAnswersEachRequestAndSkipsNotifications() throws Exception {
    JsonNode r =
        postJson(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[1]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[2]},"
                + "5,"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");
    assertEquals(3, r.size(), r.toString());
    assertEquals(1, r.get(0).get("result").asInt());
    assertEquals(-32600, r.get(1).get("error").get("code").asInt());
    assertEquals(-32601, r.get(2).get("error").get("code").asInt());
  }

  @Test
  void onlyNotificationsGetAnEmptyBody() throws Exception {
    HttpResponse<String> response =
        post("{\"jsonrpc\":\"2.0\",\"method\":\"test_echo\",\"params\":[1]}");
    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
  }

  @Test
  void batchOverTheLimitIsRefusedWhole() throws Exception {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 11; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(i)
          .append(",\"method\":\"test_echo\",\"params\":[1]}");
    }
    JsonNode r = postJson(batch.append("]").toString());
    assertEquals(-32005, r.get("error").get("code").asInt());
    assertTrue(
        r.get("error")
            .get("message")
            .asText()
            .contains("batch of 11 requests exceeds the limit of 10"));
    assertEquals(null, metrics.get("test_echo"), "no request of a refused batch runs");
  }

  @Test
  void deepJsonIsAParseErrorNotAStackOverflow() throws Exception {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    JsonNode r =
        postJson(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[" + deep + "]}");
    assertEquals(-32700, r.get("error").get("code").asInt());
    assertTrue(r.get("error").get("message").asText().contains("nesting depth"), r.toString());
  }

  @Test
  void hugeBodyIs413WithAJsonRpcError() throws Exception {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\""
            + "a".repeat(100_000)
            + "\"]}";
    HttpResponse<String> response = post(big);
    assertEquals(413, response.statusCode());
    JsonNode r = MAPPER.readTree(response.body());
    assertEquals(-32600, r.get("error").get("code").asInt());
    assertTrue(r.get("error").get("message").asText().contains("65536"));
  }

  /**
   * A client still uploading an oversized body when the 413 is sent must receive it. Closing the
   * connection outright with body bytes unread makes the kernel reset it, and the reset could
   * destroy the answer before the client read it: about 2 % of such requests failed with "header
   * parser received no bytes" before the close lingered. Repeated so that a return of the race
   * fails this test almost surely (1 - 0.98^200 > 98 %).
   */
  @Test
  void aClientStillSendingAnOversizedBodyReceivesThe413EveryTime() throws Exception {
    String big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\""
            + "a".repeat(100_000)
            + "\"]}";
    for (int i = 0; i < 200; i++) {
      assertEquals(413, post(big).statusCode(), "request " + i);
    }
  }

  @Test
  void chunkedHugeBodyIsCutAtTheLimit() throws Exception {
    String chunk = "a".repeat(70_000);
    String head =
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    String body = Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";
    String response = raw(head + body);
    assertTrue(response.startsWith("HTTP/1.1 413"), response);
  }

  @Test
  void disallowedHostHeaderIsRefused() throws Exception {
    String request =
        "POST / HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
    String response = raw(request);
    assertTrue(response.startsWith("HTTP/1.1 403"), response);
    assertTrue(response.contains("evil.example"));
  }

  @Test
  void malformedHttpIs400AndTheConnectionClosed() throws Exception {
    String longLine = "POST /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    String response = raw(longLine);
    assertTrue(response.startsWith("HTTP/1.1 400"), response);
    assertTrue(response.contains("malformed HTTP request"), response);
    assertTrue(response.toLowerCase().contains("connection: close"), response);
  }

  @Test
  void corsPreflightAndOrigins() throws Exception {
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://allowed.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(204, preflight.statusCode());
    assertEquals(
        "https://allowed.example",
        preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    HttpResponse<String> forbidden =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/"))
                .header("Origin", "https://other.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, forbidden.statusCode());
  }

  @Test
  void getIsNotAllowed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, response.statusCode());
  }

  @Test
  void metricsRenderAsPrometheusText() throws Exception {
    postJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[1]}");
    postJson("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"made_up\",\"params\":[1]}");
    StringBuilder out = new StringBuilder();
    metrics.writePrometheus(out);
    String text = out.toString();
    assertTrue(
        text.contains("drr_rpc_request_duration_seconds_count{method=\"test_echo\"} 1"), text);
    assertTrue(text.contains("drr_rpc_request_errors_total{method=\"unknown\"} 1"), text);
    assertTrue(!text.contains("made_up"), "client-chosen names must not become labels");
  }

  private static final String ECHO_REQUEST =
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 58\r\n\r\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_echo\",\"params\":[7]}";

  @Test
  void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() throws Exception {
    String two =
        ECHO_REQUEST
            + ECHO_REQUEST.replace("\"id\":7", "\"id\":8").replace("[7]", "[8]");
    try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(two.getBytes(StandardCharsets.US_ASCII));
      String answers = readUntil(socket.getInputStream(), "\"result\":8}");
      assertTrue(answers.indexOf("\"result\":7") < answers.indexOf("\"result\":8"), answers);
      assertEquals(2, answers.split("HTTP/1.1 200").length - 1, answers);
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAndFreedSlotsReused() throws Exception {
    RpcServerConfig loopback = RpcServerConfig.loopback();
    RpcServerConfig twoConnections = new RpcServerConfig(loopback.host(), 0, 0, List.of(),
        loopback.hostAllowlist(), loopback.workerThreads(), 2);
    try (HttpRpcServer small = new HttpRpcServer(twoConnections, dispatcher());
        Socket first = new Socket("127.0.0.1", small.port());
        Socket second = new Socket("127.0.0.1", small.port())) {
      for (Socket s : List.of(first, second)) {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(ECHO_REQUEST.getBytes(StandardCharsets.US_ASCII));
        assertTrue(readUntil(s.getInputStream(), "\"result\":7}").startsWith("HTTP/1.1 200"));
      }
      try (Socket third = new Socket("127.0.0.1", small.port())) {
        third.setSoTimeout(10_000);
        assertEquals(-1, third.getInputStream().read(), "the third connection is closed");
      }
      first.close();
      long deadline = System.currentTimeMillis() + 10_000;
      while (true) {
        try (Socket again = new Socket("127.0.0.1", small.port())) {
          again.setSoTimeout(10_000);
          again.getOutputStream().write(ECHO_REQUEST.getBytes(StandardCharsets.US_ASCII));
          String answer = readUntil(again.getInputStream(), "\"result\":7}");
          if (answer.startsWith("HTTP/1.1 200")) {
            break;
          }
        } catch (IOException closedBeforeTheSlotWasFreed) {
          // the server has not yet seen the first connection go
        }
        assertTrue(System.currentTimeMillis() < deadline, "a freed slot is never reused");
        Thread.sleep(50);
      }
    }
  }

  @Test
  void silentConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
    try (HttpRpcServer quick = new HttpRpcServer(RpcServerConfig.loopback(), dispatcher(), 1);
        Socket silent = new Socket("127.0.0.1", quick.port())) {
      silent.setSoTimeout(10_000);
      long start = System.nanoTime();
      assertEquals(-1, silent.getInputStream().read());
      assertTrue(System.nanoTime() - start >= 500_000_000L, "closed before it was idle");
    }
  }

  /** Reads until {@code marker} has arrived or the connection ends; returns what was read. */
  private static String readUntil(InputStream in, String marker) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (text.indexOf(marker) < 0) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
    }
    return text.toString();
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // the server may close before reading everything; its answer is still there
      }
      InputStream in = socket.getInputStream();
      String response = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
      assertNotNull(response);
      return response;
    }
  }
}
