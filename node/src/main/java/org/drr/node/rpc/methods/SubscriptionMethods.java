package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.ChainListener;
import org.drr.node.rpc.LogEntry;
import org.drr.node.rpc.LogQuery;
import org.drr.node.rpc.RpcConnection;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.json.BlockJson;
import org.drr.node.rpc.json.LogJson;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.rpc.json.TransactionJson;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * {@code eth_subscribe} and {@code eth_unsubscribe} over WebSocket: {@code newHeads}, {@code logs}
 * (with an address/topics filter) and {@code newPendingTransactions} (hashes, or whole transactions
 * when the second param is true). Subscriptions end with their connection; each connection holds at
 * most {@link RpcLimits#maxSubscriptionsPerConnection()}.
 */
public final class SubscriptionMethods implements ChainListener {
  private static final Logger LOG = Logger.getLogger(SubscriptionMethods.class.getName());
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChainReader chain;
  private final RpcLimits limits;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final Map<RpcConnection, Integer> perConnection = new ConcurrentHashMap<>();

  private sealed interface Kind {}

  private record NewHeads() implements Kind {}

  private record Logs(LogQuery filter) implements Kind {}

  private record PendingTransactions(boolean full) implements Kind {}

  private record Subscription(String id, RpcConnection connection, Kind kind) {}

  public SubscriptionMethods(ChainReader chain, RpcLimits limits) {
    this.chain = chain;
    this.limits = limits;
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put("eth_subscribe", this::subscribe);
    methods.put("eth_unsubscribe", this::unsubscribe);
  }

  public int size() {
    return subscriptions.size();
  }

  private JsonNode subscribe(RpcParams params, RpcConnection connection) {
    if (!connection.canNotify()) {
      throw new RpcException(
          RpcException.METHOD_NOT_FOUND,
          "notifications not supported: eth_subscribe needs a WebSocket connection");
    }
    params.requireCount(1, 2);
    String type = params.string(0, "subscription type");
    Kind kind =
        switch (type) {
          case "newHeads" -> {
            params.requireCount(1, 1);
            yield new NewHeads();
          }
          case "logs" -> {
            LogFilterSpec spec =
                LogFilterSpec.parse(params.has(1) ? params.object(1, "filter") : null);
            yield new Logs(spec.query(0, 0));
          }
          case "newPendingTransactions" ->
              new PendingTransactions(params.optionalBool(1, "fullTransactions").orElse(false));
          default ->
              throw RpcException.invalidParams(
                  "unsupported subscription type \""
                      + type
                      + "\"; supported: newHeads, logs, newPendingTransactions");
        };
    int count = perConnection.merge(connection, 1, Integer::sum);
    if (count > limits.maxSubscriptionsPerConnection()) {
      perConnection.merge(connection, -1, Integer::sum);
      throw RpcException.limitExceeded(
          "too many subscriptions on this connection (limit "
              + limits.maxSubscriptionsPerConnection()
              + ")");
    }
    if (count == 1) {
      connection.onClose(() -> closeAll(connection));
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[0] = (byte) ((bytes[0] & 0x7f) | 0x10);
    String id = "0x" + HexFormat.of().formatHex(bytes);
    subscriptions.put(id, new Subscription(id, connection, kind));
    return TextNode.valueOf(id);
  }

  private JsonNode unsubscribe(RpcParams params, RpcConnection connection) {
    params.requireCount(1, 1);
    String id = params.string(0, "subscription id").toLowerCase(java.util.Locale.ROOT);
    Subscription subscription = subscriptions.get(id);
    if (subscription == null || subscription.connection() != connection) {
      return BooleanNode.FALSE;
    }
    subscriptions.remove(id);
    perConnection.merge(connection, -1, Integer::sum);
    return BooleanNode.TRUE;
  }

  private void closeAll(RpcConnection connection) {
    subscriptions.values().removeIf(s -> s.connection() == connection);
    perConnection.remove(connection);
  }

  @Override
  public void onNewBlock(BlockView block, List<Receipt> receipts) {
    if (subscriptions.isEmpty()) {
      return;
    }
    ObjectNode header = null;
    List<LogEntry> logs = null;
    for (Subscription s : subscriptions.values()) {
      try {
        if (s.kind() instanceof NewHeads) {
          if (header == null) {
            header = BlockJson.header(block.header());
          }
          send(s, header);
        } else if (s.kind() instanceof Logs l) {
          if (logs == null) {
            logs = chain.logs(block, receipts);
          }
          for (LogEntry entry : logs) {
            if (l.filter().matches(entry.log())) {
              send(s, LogJson.of(entry, block.header().timestamp()));
            }
          }
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "notification for subscription " + s.id() + " failed", e);
      }
    }
  }

  @Override
  public void onPendingTransaction(Transaction transaction, Bytes32 hash, Address sender) {
    for (Subscription s : subscriptions.values()) {
      if (s.kind() instanceof PendingTransactions p) {
        try {
          JsonNode result =
              p.full()
                  ? TransactionJson.of(transaction, sender, Optional.empty())
                  : TextNode.valueOf(hash.toHexString());
          send(s, result);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "notification for subscription " + s.id() + " failed", e);
        }
      }
    }
  }

  private static void send(Subscription s, JsonNode result) {
    ObjectNode message = JSON.objectNode();
    message.put("jsonrpc", "2.0");
    message.put("method", "eth_subscription");
    ObjectNode params = message.putObject("params");
    params.put("subscription", s.id());
    params.set("result", result);
    s.connection().notify(message);
  }
}
