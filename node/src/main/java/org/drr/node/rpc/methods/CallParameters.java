package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rpc.BlockHeaderView;
import org.drr.node.rpc.CallRequest;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.json.Hex;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.types.AccessListEntry;
import org.drr.node.types.Address;

/**
 * Reads the transaction-call object of {@code eth_call} and {@code eth_estimateGas} and applies
 * geth's defaults: sender zero, gas the block gas limit (capped by the node's gas cap), gas price
 * zero unless given ({@code maxFeePerGas} becomes the price it would pay at the block's base fee).
 */
final class CallParameters {
  private CallParameters() {}

  /** The gas the request asked for, or empty. */
  static Optional<Long> requestedGas(JsonNode call) {
    JsonNode gas = call.get("gas");
    return gas == null || gas.isNull()
        ? Optional.empty()
        : Optional.of(Hex.parseLong("gas", RpcParams.textOf("gas", gas)));
  }

  static CallRequest parse(JsonNode call, BlockHeaderView block, long gasCap) {
    Address from =
        present(call, "from") ? RpcParams.address("from", call.get("from")) : Address.ZERO;
    Optional<Address> to =
        present(call, "to")
            ? Optional.of(RpcParams.address("to", call.get("to")))
            : Optional.empty();
    long gas = Math.min(requestedGas(call).orElse(block.gasLimit()), gasCap);
    BigInteger value = present(call, "value") ? quantity(call, "value") : BigInteger.ZERO;
    return new CallRequest(
        from, to, gas, gasPrice(call, block), value, data(call), accessList(call));
  }

  private static BigInteger gasPrice(JsonNode call, BlockHeaderView block) {
    boolean legacy = present(call, "gasPrice");
    boolean dynamic = present(call, "maxFeePerGas") || present(call, "maxPriorityFeePerGas");
    if (legacy && dynamic) {
      throw RpcException.invalidParams(
          "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    if (legacy) {
      return quantity(call, "gasPrice");
    }
    if (!dynamic) {
      return BigInteger.ZERO;
    }
    BigInteger baseFee = block.baseFeePerGas().map(UInt256::toBigInteger).orElse(BigInteger.ZERO);
    BigInteger tip =
        present(call, "maxPriorityFeePerGas")
            ? quantity(call, "maxPriorityFeePerGas")
            : BigInteger.ZERO;
    if (!present(call, "maxFeePerGas")) {
      return baseFee.add(tip);
    }
    BigInteger feeCap = quantity(call, "maxFeePerGas");
    if (tip.compareTo(feeCap) > 0) {
      throw RpcException.invalidParams(
          "maxPriorityFeePerGas " + tip + " is above maxFeePerGas " + feeCap);
    }
    return feeCap.min(baseFee.add(tip));
  }

  private static Bytes data(JsonNode call) {
    Bytes input = present(call, "input") ? bytes(call, "input") : null;
    Bytes data = present(call, "data") ? bytes(call, "data") : null;
    if (input != null && data != null && !input.equals(data)) {
      throw RpcException.invalidParams("both \"data\" and \"input\" are set and not equal");
    }
    return input != null ? input : data != null ? data : Bytes.EMPTY;
  }

  private static List<AccessListEntry> accessList(JsonNode call) {
    if (!present(call, "accessList")) {
      return List.of();
    }
    JsonNode list = call.get("accessList");
    if (!list.isArray()) {
      throw RpcException.invalidParams("accessList must be an array; got " + list.getNodeType());
    }
    List<AccessListEntry> entries = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject() || !item.has("address")) {
        throw RpcException.invalidParams("accessList entries need an address; got " + item);
      }
      List<Bytes32> keys = new ArrayList<>();
      JsonNode storageKeys = item.get("storageKeys");
      if (storageKeys != null && !storageKeys.isNull()) {
        if (!storageKeys.isArray()) {
          throw RpcException.invalidParams("accessList storageKeys must be an array");
        }
        storageKeys.forEach(k -> keys.add(RpcParams.hash("storageKey", k)));
      }
      entries.add(
          new AccessListEntry(RpcParams.address("accessList.address", item.get("address")), keys));
    }
    return entries;
  }

  private static boolean present(JsonNode call, String field) {
    JsonNode node = call.get(field);
    return node != null && !node.isNull();
  }

  private static BigInteger quantity(JsonNode call, String field) {
    return Hex.parseBig(field, RpcParams.textOf(field, call.get(field)));
  }

  private static Bytes bytes(JsonNode call, String field) {
    return Hex.parseData(field, RpcParams.textOf(field, call.get(field)), RpcParams.MAX_DATA_BYTES);
  }
}
