package org.drr.node.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.drr.node.rpc.json.RpcParams;

/**
 * Parses JSON-RPC 2.0 requests (single or batch), runs the methods and builds the responses. The
 * same dispatcher serves HTTP and WebSocket. Parsing is bounded by {@link RpcLimits}: nesting depth
 * through Jackson's {@link StreamReadConstraints}, batch size before any request runs.
 *
 * <p>Errors follow JSON-RPC 2.0: -32700 for unparsable JSON, -32600 for a request that is not a
 * request, -32601 for an unknown method, -32602 for bad params, -32603 for unexpected failures;
 * methods add -32000 (rejected transaction), -32005 (limit exceeded) and 3 (execution reverted).
 */
public final class RpcDispatcher {
  private static final Logger LOG = Logger.getLogger(RpcDispatcher.class.getName());
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Map<String, RpcMethod> methods;
  private final RpcLimits limits;
  private final RpcMetrics metrics;
  private final ObjectMapper mapper;

  public RpcDispatcher(Map<String, RpcMethod> methods, RpcLimits limits, RpcMetrics metrics) {
    this.methods = Map.copyOf(methods);
    this.limits = limits;
    this.metrics = metrics;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxJsonDepth())
            .maxStringLength(limits.maxBodyBytes())
            .maxNumberLength(100)
            .build();
    this.mapper =
        new ObjectMapper(JsonFactory.builder().streamReadConstraints(constraints).build());
  }

  public RpcLimits limits() {
    return limits;
  }

  public RpcMetrics metrics() {
    return metrics;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Handles one message (a request or a batch).
   *
   * @return the serialized response, or null if nothing is to be sent (only notifications)
   */
  public byte[] handle(byte[] body, RpcConnection connection) {
    JsonNode response = dispatch(body, connection);
    if (response == null) {
      return null;
    }
    try {
      return mapper.writeValueAsBytes(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree: " + e.getMessage(), e);
    }
  }

  /** As {@link #handle}, returning the response tree. */
  public JsonNode dispatch(byte[] body, RpcConnection connection) {
    JsonNode request;
    try {
      request = mapper.readTree(body);
    } catch (StreamConstraintsException e) {
      return error(
          NullNode.getInstance(),
          new RpcException(
              RpcException.PARSE_ERROR,
              "Parse error: request exceeds a parser limit (nesting depth "
                  + limits.maxJsonDepth()
                  + "): "
                  + e.getOriginalMessage()));
    } catch (IOException e) {
      return error(
          NullNode.getInstance(),
          new RpcException(RpcException.PARSE_ERROR, "Parse error: " + firstLine(e)));
    }
    if (request == null || request.isMissingNode()) {
      return error(
          NullNode.getInstance(), new RpcException(RpcException.PARSE_ERROR, "Parse error: empty"));
    }
    if (request.isArray()) {
      return dispatchBatch((ArrayNode) request, connection);
    }
    return dispatchOne(request, connection);
  }

  private JsonNode dispatchBatch(ArrayNode batch, RpcConnection connection) {
    if (batch.isEmpty()) {
      return error(
          NullNode.getInstance(),
          new RpcException(RpcException.INVALID_REQUEST, "Invalid Request: empty batch"));
    }
    if (batch.size() > limits.maxBatchSize()) {
      return error(
          NullNode.getInstance(),
          RpcException.limitExceeded(
              "batch of "
                  + batch.size()
                  + " requests exceeds the limit of "
                  + limits.maxBatchSize()));
    }
    ArrayNode responses = JSON.arrayNode(batch.size());
    for (JsonNode request : batch) {
      JsonNode response = dispatchOne(request, connection);
      if (response != null) {
        responses.add(response);
      }
    }
    return responses.isEmpty() ? null : responses;
  }

  /** Runs one request; null for a valid notification (no id). */
  private JsonNode dispatchOne(JsonNode request, RpcConnection connection) {
    if (!request.isObject()) {
      return error(
          NullNode.getInstance(),
          new RpcException(
              RpcException.INVALID_REQUEST,
              "Invalid Request: expected an object; got " + request.getNodeType()));
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return error(
          NullNode.getInstance(),
          new RpcException(
              RpcException.INVALID_REQUEST,
              "Invalid Request: id must be a string, number or null; got " + id.getNodeType()));
    }
    JsonNode responseId = id == null ? NullNode.getInstance() : id;
    JsonNode version = request.get("jsonrpc");
    if (version == null || !"2.0".equals(version.asText())) {
      return error(
          responseId,
          new RpcException(
              RpcException.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\""));
    }
    JsonNode methodNode = request.get("method");
    if (methodNode == null || !methodNode.isTextual()) {
      return error(
          responseId,
          new RpcException(
              RpcException.INVALID_REQUEST, "Invalid Request: method must be a string"));
    }
    String name = methodNode.textValue();
    RpcMethod method = methods.get(name);
    long start = System.nanoTime();
    if (method == null) {
      metrics.record("unknown", System.nanoTime() - start, true);
      return notification
          ? null
          : error(
              responseId,
              new RpcException(
                  RpcException.METHOD_NOT_FOUND,
                  "the method " + abbreviate(name) + " does not exist/is not available"));
    }
    JsonNode result;
    try {
      result = method.execute(new RpcParams(name, request.get("params")), connection);
    } catch (RpcException e) {
      metrics.record(name, System.nanoTime() - start, true);
      return notification ? null : error(responseId, e);
    } catch (RuntimeException e) {
      metrics.record(name, System.nanoTime() - start, true);
      LOG.log(Level.WARNING, "internal error in " + name, e);
      return notification
          ? null
          : error(
              responseId,
              new RpcException(RpcException.INTERNAL_ERROR, "Internal error: " + describe(e)));
    }
    metrics.record(name, System.nanoTime() - start, false);
    if (notification) {
      return null;
    }
    ObjectNode response = JSON.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", responseId);
    response.set("result", result == null ? NullNode.getInstance() : result);
    return response;
  }

  /** A complete error response. */
  public static ObjectNode error(JsonNode id, RpcException e) {
    ObjectNode error = JSON.objectNode();
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.data() != null) {
      error.put("data", e.data());
    }
    ObjectNode response = JSON.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("error", error);
    return response;
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String firstLine(IOException e) {
    String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : null;
    if (message == null) {
      message = String.valueOf(e.getMessage());
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String abbreviate(String text) {
    return org.drr.node.rpc.json.Hex.abbreviate(text);
  }
}
