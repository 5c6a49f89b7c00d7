package org.drr.node.rpc.transport;

import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import org.drr.node.rpc.RpcConnection;
import org.drr.node.rpc.RpcDispatcher;
import org.drr.node.rpc.RpcException;

/**
 * JSON-RPC over HTTP POST on the JDK's HTTP server. Bodies are read up to the configured limit and
 * no further; requests from disallowed {@code Host} headers or CORS origins are refused before any
 * parsing.
 */
public final class HttpRpcServer implements AutoCloseable {
  private final HttpServer server;
  private final RpcDispatcher dispatcher;
  private final RpcServerConfig config;

  /**
   * Binds and starts the server.
   *
   * @throws IOException if the port cannot be bound
   */
  public HttpRpcServer(RpcServerConfig config, RpcDispatcher dispatcher, ExecutorService workers)
      throws IOException {
    this.config = config;
    this.dispatcher = dispatcher;
    this.server = HttpServer.create(new InetSocketAddress(config.host(), config.httpPort()), 128);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Headers request = exchange.getRequestHeaders();
      if (!config.isHostAllowed(request.getFirst("Host"))) {
        sendError(
            exchange,
            403,
            RpcException.INVALID_REQUEST,
            "Host header " + request.getFirst("Host") + " is not allowed");
        return;
      }
      String origin = request.getFirst("Origin");
      if (origin != null) {
        if (!config.isOriginAllowed(origin)) {
          sendError(
              exchange,
              403,
              RpcException.INVALID_REQUEST,
              "CORS origin " + origin + " is not allowed");
          return;
        }
        Headers response = exchange.getResponseHeaders();
        response.set("Access-Control-Allow-Origin", origin);
        response.set("Vary", "Origin");
      }
      String method = exchange.getRequestMethod();
      if ("OPTIONS".equals(method)) {
        Headers response = exchange.getResponseHeaders();
        response.set("Access-Control-Allow-Methods", "POST, OPTIONS");
        response.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
        response.set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      if (!"POST".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "POST, OPTIONS");
        sendError(
            exchange,
            405,
            RpcException.INVALID_REQUEST,
            "JSON-RPC requests must be POSTed; got " + method);
        return;
      }
      int limit = dispatcher.limits().maxBodyBytes();
      String declared = request.getFirst("Content-Length");
      if (declared != null && parseLength(declared) > limit) {
        sendError(
            exchange,
            413,
            RpcException.INVALID_REQUEST,
            "request body of " + declared + " bytes exceeds the limit of " + limit + " bytes");
        return;
      }
      byte[] body = readAtMost(exchange.getRequestBody(), limit + 1);
      if (body.length > limit) {
        sendError(
            exchange,
            413,
            RpcException.INVALID_REQUEST,
            "request body exceeds the limit of " + limit + " bytes");
        return;
      }
      byte[] answer = dispatcher.handle(body, RpcConnection.HTTP);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (answer == null) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    return in.readNBytes(max);
  }

  private void sendError(HttpExchange exchange, int status, int code, String message)
      throws IOException {
    byte[] body =
        dispatcher
            .mapper()
            .writeValueAsBytes(
                RpcDispatcher.error(NullNode.getInstance(), new RpcException(code, message)));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops accepting requests and waits up to a second for running ones. */
  @Override
  public void close() {
    server.stop(1);
  }
}
