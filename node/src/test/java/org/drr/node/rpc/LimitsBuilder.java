package org.drr.node.rpc;

import java.time.Duration;

/** {@link RpcLimits#DEFAULTS} with the few limits a test shrinks, so it can reach them quickly. */
public final class LimitsBuilder {
  private int maxBodyBytes = RpcLimits.DEFAULTS.maxBodyBytes();
  private int maxFilters = RpcLimits.DEFAULTS.maxFilters();
  private Duration filterIdleTimeout = RpcLimits.DEFAULTS.filterIdleTimeout();
  private long maxLogBlockRange = RpcLimits.DEFAULTS.maxLogBlockRange();
  private int maxLogResults = RpcLimits.DEFAULTS.maxLogResults();
  private int maxTraceSteps = RpcLimits.DEFAULTS.maxTraceSteps();

  public static LimitsBuilder defaults() {
    return new LimitsBuilder();
  }

  public LimitsBuilder maxBodyBytes(int value) {
    maxBodyBytes = value;
    return this;
  }

  public LimitsBuilder filters(int max, Duration idleTimeout) {
    maxFilters = max;
    filterIdleTimeout = idleTimeout;
    return this;
  }

  public LimitsBuilder logs(long blockRange, int results) {
    maxLogBlockRange = blockRange;
    maxLogResults = results;
    return this;
  }

  public LimitsBuilder maxTraceSteps(int value) {
    maxTraceSteps = value;
    return this;
  }

  public RpcLimits build() {
    RpcLimits d = RpcLimits.DEFAULTS;
    return new RpcLimits(maxBodyBytes, d.maxBatchSize(), d.maxJsonDepth(), maxLogBlockRange,
        maxLogResults, maxFilters, filterIdleTimeout, d.maxSubscriptionsPerConnection(),
        d.maxWebSocketConnections(), d.gasCap(), maxTraceSteps);
  }
}
