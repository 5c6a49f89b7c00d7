package org.drr.node.rpc.methods;

import java.util.List;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.LogEntry;
import org.drr.node.rpc.LogQuery;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcLimits;

/**
 * Runs log queries within the configured limits: a range wider than {@link
 * RpcLimits#maxLogBlockRange()} or a result longer than {@link RpcLimits#maxLogResults()} is an
 * error (-32005) rather than an unbounded scan or a silently cut list.
 */
final class LogReader {
  private final ChainReader chain;
  private final RpcLimits limits;

  LogReader(ChainReader chain, RpcLimits limits) {
    this.chain = chain;
    this.limits = limits;
  }

  /** The logs {@code spec} selects now (tags resolved against the current head). */
  List<LogEntry> logs(LogFilterSpec spec) {
    if (spec.blockHash().isPresent()) {
      BlockView block = chain.require(new BlockParameter.Hash(spec.blockHash().get()));
      return run(spec.query(block.number(), block.number()));
    }
    long head = chain.backend().headNumber();
    long from = spec.fromBlock().number(head).orElseThrow();
    long to = Math.min(spec.toBlock().number(head).orElseThrow(), head);
    if (from > head) {
      return List.of();
    }
    if (from > to) {
      throw RpcException.invalidParams("fromBlock " + from + " is after toBlock " + to);
    }
    return run(checkedRange(from, to, spec));
  }

  LogQuery checkedRange(long from, long to, LogFilterSpec spec) {
    long width = to - from + 1;
    if (width > limits.maxLogBlockRange()) {
      throw RpcException.limitExceeded(
          "block range of "
              + width
              + " blocks ("
              + from
              + " to "
              + to
              + ") exceeds the limit of "
              + limits.maxLogBlockRange());
    }
    return spec.query(from, to);
  }

  List<LogEntry> run(LogQuery query) {
    List<LogEntry> logs = chain.backend().logs(query, limits.maxLogResults());
    if (logs.size() > limits.maxLogResults()) {
      throw RpcException.limitExceeded(
          "query returned more than "
              + limits.maxLogResults()
              + " results; narrow the block range ("
              + query.fromBlock()
              + " to "
              + query.toBlock()
              + ") or the filter");
    }
    return logs;
  }
}
