package org.drr.node.rpc;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.drr.node.rpc.methods.BlockMethods;
import org.drr.node.rpc.methods.ChainReader;
import org.drr.node.rpc.methods.DebugMethods;
import org.drr.node.rpc.methods.ExecutionMethods;
import org.drr.node.rpc.methods.FeeMethods;
import org.drr.node.rpc.methods.FilterMethods;
import org.drr.node.rpc.methods.InfoMethods;
import org.drr.node.rpc.methods.QbftMethods;
import org.drr.node.rpc.methods.StateMethods;
import org.drr.node.rpc.methods.SubscriptionMethods;
import org.drr.node.rpc.transport.RpcServer;
import org.drr.node.rpc.transport.RpcServerConfig;

/**
 * The node's JSON-RPC service: every method over one {@link RpcBackend}, served on HTTP and
 * WebSocket. The node starts it once its chain is open and closes it on shutdown:
 *
 * <pre>{@code
 * try (JsonRpcService rpc = JsonRpcService.start(backend, config, RpcLimits.DEFAULTS)) { ... }
 * }</pre>
 */
public final class JsonRpcService implements AutoCloseable {
  private final RpcDispatcher dispatcher;
  private final RpcServer server;
  private final AutoCloseable listeners;

  private JsonRpcService(RpcDispatcher dispatcher, RpcServer server, AutoCloseable listeners) {
    this.dispatcher = dispatcher;
    this.server = server;
    this.listeners = listeners;
  }

  /**
   * Registers for chain events and starts the listeners.
   *
   * @throws IOException if a port cannot be bound (nothing stays registered then)
   */
  public static JsonRpcService start(RpcBackend backend, RpcServerConfig config, RpcLimits limits)
      throws IOException {
    ChainReader chain = new ChainReader(backend);
    Map<String, RpcMethod> methods = new HashMap<>();
    new InfoMethods(backend).register(methods);
    new BlockMethods(chain).register(methods);
    new StateMethods(chain).register(methods);
    new ExecutionMethods(chain, limits).register(methods);
    new FeeMethods(chain).register(methods);
    FilterMethods filters = new FilterMethods(chain, limits, Clock.systemUTC());
    filters.register(methods);
    SubscriptionMethods subscriptions = new SubscriptionMethods(chain, limits);
    subscriptions.register(methods);
    new QbftMethods(chain).register(methods);
    new DebugMethods(chain, limits).register(methods);
    RpcDispatcher dispatcher = new RpcDispatcher(methods, limits, new RpcMetrics());
    AutoCloseable senderRegistration = backend.addListener(chain);
    AutoCloseable filterRegistration = backend.addListener(filters);
    AutoCloseable subscriptionRegistration = backend.addListener(subscriptions);
    AutoCloseable listeners =
        () -> {
          try (senderRegistration;
              filterRegistration;
              subscriptionRegistration) {
            // closed in reverse order by try-with-resources
          }
        };
    try {
      return new JsonRpcService(dispatcher, new RpcServer(config, dispatcher), listeners);
    } catch (IOException | RuntimeException e) {
      closeQuietly(listeners);
      throw e;
    }
  }

  public int httpPort() {
    return server.httpPort();
  }

  public int webSocketPort() {
    return server.webSocketPort();
  }

  /** Per-method latency and error counts, for the node's Prometheus endpoint. */
  public RpcMetrics metrics() {
    return dispatcher.metrics();
  }

  public RpcDispatcher dispatcher() {
    return dispatcher;
  }

  @Override
  public void close() {
    server.close();
    closeQuietly(listeners);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Unregistering a listener cannot fail in a way the caller could act on during shutdown.
      java.util.logging.Logger.getLogger(JsonRpcService.class.getName())
          .warning("closing RPC listeners failed: " + e);
    }
  }
}
