package org.drr.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JSON-RPC client over real HTTP (java.net.http), for tests. */
public final class RpcClient {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private int nextId = 1;

  public RpcClient(int port) {
    this.uri = URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Posts {@code body} as is; returns status and body. */
  public HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON-RPC 2.0 request object; parameters are converted as Jackson converts them. */
  public static ObjectNode envelope(int id, String method, Object... params) {
    ObjectNode request = MAPPER.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    ArrayNode list = request.putArray("params");
    for (Object p : params) {
      list.add(MAPPER.valueToTree(p));
    }
    return request;
  }

  /** The whole response object of one request. */
  public JsonNode request(String method, Object... params)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        post(MAPPER.writeValueAsString(envelope(nextId++, method, params)));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  /** The result of a request that must succeed. */
  public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
    JsonNode response = request(method, params);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  /** The error of a request that must fail. */
  public JsonNode error(String method, Object... params) throws IOException, InterruptedException {
    JsonNode response = request(method, params);
    if (!response.has("error")) {
      throw new AssertionError(method + " should have failed but returned " + response);
    }
    return response.get("error");
  }
}
