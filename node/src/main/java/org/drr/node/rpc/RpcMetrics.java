package org.drr.node.rpc;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-method request counts, error counts and latency histograms, rendered in the Prometheus text
 * format by {@link #writePrometheus} for the node's metrics endpoint. Only registered method names
 * get their own series; anything else is counted as {@code unknown}, so clients cannot create
 * unbounded label values.
 */
public final class RpcMetrics {
  /** Histogram bucket upper bounds, in seconds. */
  static final double[] BUCKETS = {0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};

  private final Map<String, MethodStats> stats = new ConcurrentHashMap<>();

  /** Statistics of one method. */
  public static final class MethodStats {
    private final LongAdder count = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length);

    void record(long nanos, boolean error) {
      count.increment();
      if (error) {
        errors.increment();
      }
      totalNanos.add(nanos);
      double seconds = nanos / 1e9;
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets.incrementAndGet(i);
          break;
        }
      }
    }

    public long count() {
      return count.sum();
    }

    public long errors() {
      return errors.sum();
    }

    public long totalNanos() {
      return totalNanos.sum();
    }
  }

  /** Records one call of {@code method} that took {@code nanos}. */
  public void record(String method, long nanos, boolean error) {
    stats.computeIfAbsent(method, m -> new MethodStats()).record(nanos, error);
  }

  /** The statistics of {@code method}, or null if it was never called. */
  public MethodStats get(String method) {
    return stats.get(method);
  }

  /**
   * Appends {@code drr_rpc_request_duration_seconds} (histogram) and {@code
   * drr_rpc_request_errors_total} in the Prometheus text exposition format.
   */
  public void writePrometheus(StringBuilder out) {
    Map<String, MethodStats> sorted = new TreeMap<>(stats);
    out.append("# HELP drr_rpc_request_duration_seconds JSON-RPC request latency by method\n");
    out.append("# TYPE drr_rpc_request_duration_seconds histogram\n");
    for (Map.Entry<String, MethodStats> e : sorted.entrySet()) {
      String label = "method=\"" + e.getKey() + "\"";
      MethodStats s = e.getValue();
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += s.buckets.get(i);
        out.append("drr_rpc_request_duration_seconds_bucket{")
            .append(label)
            .append(",le=\"")
            .append(BUCKETS[i])
            .append("\"} ")
            .append(cumulative)
            .append('\n');
      }
      out.append("drr_rpc_request_duration_seconds_bucket{")
          .append(label)
          .append(",le=\"+Inf\"} ")
          .append(s.count())
          .append('\n');
      out.append("drr_rpc_request_duration_seconds_sum{")
          .append(label)
          .append("} ")
          .append(s.totalNanos() / 1e9)
          .append('\n');
      out.append("drr_rpc_request_duration_seconds_count{")
          .append(label)
          .append("} ")
          .append(s.count())
          .append('\n');
    }
    out.append("# HELP drr_rpc_request_errors_total JSON-RPC requests answered with an error\n");
    out.append("# TYPE drr_rpc_request_errors_total counter\n");
    for (Map.Entry<String, MethodStats> e : sorted.entrySet()) {
      out.append("drr_rpc_request_errors_total{method=\"")
          .append(e.getKey())
          .append("\"} ")
          .append(e.getValue().errors())
          .append('\n');
    }
  }
}
