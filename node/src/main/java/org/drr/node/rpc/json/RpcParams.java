package org.drr.node.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.RpcException;
import org.drr.node.types.Address;

/**
 * The positional {@code params} of one request, with typed accessors that reject bad input with
 * -32602 and a message naming the method's parameter and the value received.
 */
public final class RpcParams {
  /** The longest DATA value a parameter may carry (a transaction, call data or init code). */
  public static final int MAX_DATA_BYTES = 1 << 20;

  private final String method;
  private final JsonNode params;

  /**
   * @throws RpcException -32602 if {@code params} is present but not an array
   */
  public RpcParams(String method, JsonNode params) {
    this.method = method;
    if (params == null || params.isMissingNode() || params.isNull()) {
      this.params = MissingNode.getInstance();
    } else if (params.isArray()) {
      this.params = params;
    } else {
      throw RpcException.invalidParams(
          method + " takes positional params (a JSON array); got " + params.getNodeType());
    }
  }

  public String method() {
    return method;
  }

  public int size() {
    return params.size();
  }

  /**
   * @throws RpcException -32602 unless {@code min <= size() <= max}
   */
  public RpcParams requireCount(int min, int max) {
    int n = size();
    if (n < min || n > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw RpcException.invalidParams(method + " expects " + expected + " params; got " + n);
    }
    return this;
  }

  /** Whether position {@code index} holds a non-null value. */
  public boolean has(int index) {
    JsonNode node = params.get(index);
    return node != null && !node.isNull();
  }

  public JsonNode node(int index, String name) {
    JsonNode node = params.get(index);
    if (node == null || node.isNull()) {
      throw RpcException.invalidParams(method + " param " + index + " (" + name + ") is missing");
    }
    return node;
  }

  public String string(int index, String name) {
    JsonNode node = node(index, name);
    if (!node.isTextual()) {
      throw RpcException.invalidParams(
          method + " " + name + " must be a string; got " + node.getNodeType());
    }
    return node.textValue();
  }

  public boolean bool(int index, String name) {
    JsonNode node = node(index, name);
    if (!node.isBoolean()) {
      throw RpcException.invalidParams(
          method + " " + name + " must be true or false; got " + abbreviated(node));
    }
    return node.booleanValue();
  }

  public Optional<Boolean> optionalBool(int index, String name) {
    return has(index) ? Optional.of(bool(index, name)) : Optional.empty();
  }

  public Address address(int index, String name) {
    return address(name, node(index, name));
  }

  public Bytes32 hash(int index, String name) {
    return hash(name, node(index, name));
  }

  public long quantity(int index, String name) {
    return Hex.parseLong(name, textOf(name, node(index, name)));
  }

  public BigInteger bigQuantity(int index, String name) {
    return Hex.parseBig(name, textOf(name, node(index, name)));
  }

  public Bytes data(int index, String name) {
    return Hex.parseData(name, textOf(name, node(index, name)), MAX_DATA_BYTES);
  }

  /** An object parameter. */
  public JsonNode object(int index, String name) {
    JsonNode node = node(index, name);
    if (!node.isObject()) {
      throw RpcException.invalidParams(
          method + " " + name + " must be an object; got " + node.getNodeType());
    }
    return node;
  }

  public static Address address(String name, JsonNode node) {
    String text = textOf(name, node);
    Bytes bytes = Hex.parseFixed(name, text, Address.SIZE);
    return Address.wrap(bytes);
  }

  public static Bytes32 hash(String name, JsonNode node) {
    return Bytes32.wrap(Hex.parseFixed(name, textOf(name, node), 32));
  }

  public static String textOf(String name, JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw RpcException.invalidParams(
          name + " must be a hex string; got " + (node == null ? "nothing" : abbreviated(node)));
    }
    return node.textValue();
  }

  private static String abbreviated(JsonNode node) {
    return Hex.abbreviate(node.toString());
  }
}
