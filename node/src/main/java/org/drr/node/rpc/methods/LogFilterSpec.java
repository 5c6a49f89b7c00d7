package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.LogQuery;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.types.Address;

/**
 * The filter object of {@code eth_getLogs}, {@code eth_newFilter} and the {@code logs}
 * subscription: a block range (or one {@code blockHash}), addresses and per-position topic sets.
 * Block tags stay unresolved so that a filter's "latest" follows the head.
 */
record LogFilterSpec(
    BlockParameter fromBlock,
    BlockParameter toBlock,
    Optional<Bytes32> blockHash,
    List<Address> addresses,
    List<List<Bytes32>> topics) {
  /** geth's cap on addresses per filter, which keeps matching cheap. */
  static final int MAX_ADDRESSES = 1000;

  static LogFilterSpec parse(JsonNode filter) {
    if (filter == null || filter.isNull()) {
      filter = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (!filter.isObject()) {
      throw RpcException.invalidParams("filter must be an object; got " + filter.getNodeType());
    }
    Optional<Bytes32> blockHash = Optional.empty();
    JsonNode hashNode = filter.get("blockHash");
    if (hashNode != null && !hashNode.isNull()) {
      if (present(filter, "fromBlock") || present(filter, "toBlock")) {
        throw RpcException.invalidParams("blockHash excludes fromBlock and toBlock");
      }
      blockHash = Optional.of(RpcParams.hash("blockHash", hashNode));
    }
    BlockParameter from = BlockParameter.parse("fromBlock", filter.get("fromBlock"));
    BlockParameter to = BlockParameter.parse("toBlock", filter.get("toBlock"));
    if (from instanceof BlockParameter.Hash || to instanceof BlockParameter.Hash) {
      throw RpcException.invalidParams("fromBlock and toBlock must be numbers or tags");
    }
    return new LogFilterSpec(
        from, to, blockHash, addresses(filter.get("address")), topics(filter.get("topics")));
  }

  LogQuery query(long fromBlock, long toBlock) {
    return new LogQuery(fromBlock, toBlock, addresses, topics);
  }

  private static boolean present(JsonNode node, String field) {
    return node.get(field) != null && !node.get(field).isNull();
  }

  private static List<Address> addresses(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(RpcParams.address("address", node));
    }
    if (!node.isArray()) {
      throw RpcException.invalidParams("address must be an address or an array of addresses");
    }
    if (node.size() > MAX_ADDRESSES) {
      throw RpcException.limitExceeded(
          "filter with " + node.size() + " addresses exceeds the limit of " + MAX_ADDRESSES);
    }
    List<Address> list = new ArrayList<>(node.size());
    node.forEach(a -> list.add(RpcParams.address("address", a)));
    return list;
  }

  private static List<List<Bytes32>> topics(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw RpcException.invalidParams("topics must be an array");
    }
    if (node.size() > 4) {
      throw RpcException.invalidParams("topics has " + node.size() + " positions; at most 4");
    }
    List<List<Bytes32>> positions = new ArrayList<>(node.size());
    for (JsonNode position : node) {
      if (position == null || position.isNull()) {
        positions.add(List.of());
      } else if (position.isTextual()) {
        positions.add(List.of(RpcParams.hash("topic", position)));
      } else if (position.isArray()) {
        if (position.size() > MAX_ADDRESSES) {
          throw RpcException.limitExceeded(
              "topic position with " + position.size() + " alternatives exceeds " + MAX_ADDRESSES);
        }
        List<Bytes32> alternatives = new ArrayList<>(position.size());
        for (JsonNode topic : position) {
          if (topic.isNull()) {
            alternatives.clear();
            break; // a null alternative matches anything
          }
          alternatives.add(RpcParams.hash("topic", topic));
        }
        positions.add(alternatives);
      } else {
        throw RpcException.invalidParams("each topics position must be null, a topic or an array");
      }
    }
    return positions;
  }
}
