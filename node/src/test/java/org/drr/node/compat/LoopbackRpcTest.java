package org.drr.node.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator's client against the JDK's HTTP server, which answers with a length or
 * chunked as the method asks: echo_length / echo_chunked return their first parameter, fail
 * returns a JSON-RPC error and teapot an HTTP 418.
 */
class LoopbackRpcTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private HttpServer server;
  private final Set<Object> connections = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    connections.add(exchange.getRemoteAddress());
    JsonNode request = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
    String method = request.get("method").asText();
    int status = method.equals("teapot") ? 418 : 200;
    String body = switch (method) {
      case "fail" -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"nonce too low\"}}";
      case "teapot" -> "short and stout";
      default -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + request.get("params").get(0) + "}";
    };
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, method.equals("echo_chunked") ? 0 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void readsLengthAndChunkedAnswersOnOneConnection() throws IOException {
    String large = "x".repeat(100_000); // several chunks
    try (LoopbackRpc rpc = new LoopbackRpc(server.getAddress().getPort())) {
      for (int i = 0; i < 50; i++) {
        assertEquals("0x" + i, rpc.call("echo_length", "0x" + i).asText());
        assertEquals(large, rpc.call("echo_chunked", large).asText());
      }
    }
    assertEquals(1, connections.size(), "every call on the one kept-alive connection");
  }

  @Test
  void rpcErrorsAndHttpErrorsCarryTheTargetsMessage() throws IOException {
    try (LoopbackRpc rpc = new LoopbackRpc(server.getAddress().getPort())) {
      IllegalStateException rpcError = assertThrows(IllegalStateException.class, () -> rpc.call("fail"));
      assertTrue(rpcError.getMessage().contains("nonce too low"), rpcError.getMessage());
      IllegalStateException httpError = assertThrows(IllegalStateException.class, () -> rpc.call("teapot"));
      assertEquals("HTTP 418: short and stout", httpError.getMessage());
      assertEquals("0x1", rpc.call("echo_length", "0x1").asText(), "the connection still works");
    }
  }
}
