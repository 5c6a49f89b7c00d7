package org.drr.node.rpc;

import java.time.Duration;

/**
 * Bounds on what one client may ask of the node, so that hostile or careless requests are answered
 * with an error instead of exhausting memory or CPU.
 *
 * @param maxBodyBytes largest HTTP request body or WebSocket message
 * @param maxBatchSize most requests in one batch
 * @param maxJsonDepth deepest JSON nesting accepted by the parser
 * @param maxLogBlockRange widest {@code eth_getLogs} / log-filter block range (blocks, inclusive)
 * @param maxLogResults most logs one {@code eth_getLogs} may return
 * @param maxFilters most installed filters (all clients together)
 * @param filterIdleTimeout a filter not polled for this long is removed (geth: 5 minutes)
 * @param maxSubscriptionsPerConnection most {@code eth_subscribe} subscriptions per WebSocket
 * @param maxWebSocketConnections most concurrent WebSocket connections
 * @param gasCap highest gas an {@code eth_call} or {@code eth_estimateGas} may run with
 * @param maxTraceSteps most struct-log entries one {@code debug_traceTransaction} may produce
 */
public record RpcLimits(
    int maxBodyBytes,
    int maxBatchSize,
    int maxJsonDepth,
    long maxLogBlockRange,
    int maxLogResults,
    int maxFilters,
    Duration filterIdleTimeout,
    int maxSubscriptionsPerConnection,
    int maxWebSocketConnections,
    long gasCap,
    int maxTraceSteps) {
  /** Defaults in line with Besu's and geth's. */
  public static final RpcLimits DEFAULTS =
      new RpcLimits(
          5 * 1024 * 1024,
          1024,
          64,
          5_000,
          10_000,
          1_000,
          Duration.ofMinutes(5),
          100,
          256,
          50_000_000,
          100_000);

  public RpcLimits {
    if (maxBodyBytes < 1024 || maxBatchSize < 1 || maxJsonDepth < 4) {
      throw new IllegalArgumentException(
          "limits too small: maxBodyBytes="
              + maxBodyBytes
              + " (>= 1024), maxBatchSize="
              + maxBatchSize
              + " (>= 1), maxJsonDepth="
              + maxJsonDepth
              + " (>= 4)");
    }
    if (maxLogBlockRange < 1 || maxLogResults < 1 || maxFilters < 1 || gasCap < 21_000) {
      throw new IllegalArgumentException(
          "limits too small: maxLogBlockRange="
              + maxLogBlockRange
              + ", maxLogResults="
              + maxLogResults
              + ", maxFilters="
              + maxFilters
              + ", gasCap="
              + gasCap);
    }
  }
}
