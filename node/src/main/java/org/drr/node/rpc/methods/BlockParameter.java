package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.json.Hex;
import org.drr.node.rpc.json.RpcParams;

/**
 * A block as a request names it: a tag ({@code latest}, {@code pending}, {@code safe}, {@code
 * finalized}, {@code earliest}), a number, or (EIP-1898) {@code {"blockHash": …}} / {@code
 * {"blockNumber": …}}. QBFT blocks are final once committed, so {@code safe} and {@code finalized}
 * are the head; {@code pending} is the head too (the RPC does not build pending blocks).
 */
public sealed interface BlockParameter {
  record Latest() implements BlockParameter {}

  record Earliest() implements BlockParameter {}

  record Number(long number) implements BlockParameter {}

  record Hash(Bytes32 hash) implements BlockParameter {}

  /** Whether the request asked for the pending state ({@code eth_getTransactionCount}). */
  record Pending() implements BlockParameter {}

  /**
   * @throws RpcException -32602 naming {@code name} for anything else
   */
  static BlockParameter parse(String name, JsonNode node) {
    if (node == null || node.isNull()) {
      return new Latest();
    }
    if (node.isObject()) {
      JsonNode hash = node.get("blockHash");
      JsonNode number = node.get("blockNumber");
      if (hash != null && number == null) {
        return new Hash(RpcParams.hash(name + ".blockHash", hash));
      }
      if (number != null && hash == null) {
        return parse(name + ".blockNumber", number);
      }
      throw RpcException.invalidParams(
          name + " object must have exactly one of blockHash and blockNumber; got " + node);
    }
    if (!node.isTextual()) {
      throw RpcException.invalidParams(
          name + " must be a block number or tag; got " + Hex.abbreviate(node.toString()));
    }
    String text = node.textValue();
    return switch (text) {
      case "latest", "safe", "finalized" -> new Latest();
      case "pending" -> new Pending();
      case "earliest" -> new Earliest();
      default -> {
        if (text.startsWith("0x") && text.length() == 66) {
          yield new Hash(RpcParams.hash(name, node));
        }
        if (!text.startsWith("0x")) {
          throw RpcException.invalidParams(
              name
                  + " must be a hex block number or one of latest, earliest, pending, safe,"
                  + " finalized; got \""
                  + Hex.abbreviate(text)
                  + "\"");
        }
        yield new Number(Hex.parseLong(name, text));
      }
    };
  }

  /** The block number this names at head {@code head}, or empty for a hash. */
  default Optional<Long> number(long head) {
    return switch (this) {
      case Latest l -> Optional.of(head);
      case Pending p -> Optional.of(head);
      case Earliest e -> Optional.of(0L);
      case Number n -> Optional.of(n.number());
      case Hash h -> Optional.empty();
    };
  }
}
