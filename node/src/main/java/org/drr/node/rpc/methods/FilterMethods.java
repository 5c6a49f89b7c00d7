package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.ChainListener;
import org.drr.node.rpc.LogEntry;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * Polling filters and {@code eth_getLogs}: {@code eth_newFilter}, {@code eth_newBlockFilter},
 * {@code eth_newPendingTransactionFilter}, {@code eth_getFilterChanges}, {@code eth_getFilterLogs},
 * {@code eth_uninstallFilter}. At most {@link RpcLimits#maxFilters()} filters exist at once; one
 * not polled within {@link RpcLimits#filterIdleTimeout()} is removed. Block and pending filters
 * buffer at most {@link #MAX_BUFFERED} hashes between polls (oldest dropped).
 */
public final class FilterMethods implements ChainListener {
  static final int MAX_BUFFERED = 10_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChainReader chain;
  private final LogReader logReader;
  private final RpcLimits limits;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Filter> filters = new ConcurrentHashMap<>();

  private abstract static sealed class Filter {
    volatile long lastPolledMillis;
  }

  /** Collects hashes (of new blocks or pending transactions) until polled. */
  private static final class HashFilter extends Filter {
    final boolean blocks;
    final ArrayDeque<Bytes32> pending = new ArrayDeque<>();

    HashFilter(boolean blocks) {
      this.blocks = blocks;
    }

    synchronized void add(Bytes32 hash) {
      if (pending.size() >= MAX_BUFFERED) {
        pending.removeFirst();
      }
      pending.addLast(hash);
    }

    synchronized List<Bytes32> drain() {
      List<Bytes32> list = List.copyOf(pending);
      pending.clear();
      return list;
    }
  }

  /** Remembers the first block not yet reported. */
  private static final class LogFilter extends Filter {
    final LogFilterSpec spec;
    long nextBlock;

    LogFilter(LogFilterSpec spec, long nextBlock) {
      this.spec = spec;
      this.nextBlock = nextBlock;
    }
  }

  public FilterMethods(ChainReader chain, RpcLimits limits, Clock clock) {
    this.chain = chain;
    this.logReader = new LogReader(chain, limits);
    this.limits = limits;
    this.clock = clock;
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put("eth_getLogs", (p, c) -> getLogs(p));
    methods.put("eth_newFilter", (p, c) -> newFilter(p));
    methods.put(
        "eth_newBlockFilter",
        (p, c) -> {
          p.requireCount(0, 0);
          return install(new HashFilter(true));
        });
    methods.put(
        "eth_newPendingTransactionFilter",
        (p, c) -> {
          p.requireCount(0, 0);
          return install(new HashFilter(false));
        });
    methods.put("eth_getFilterChanges", (p, c) -> getFilterChanges(p));
    methods.put("eth_getFilterLogs", (p, c) -> getFilterLogs(p));
    methods.put(
        "eth_uninstallFilter",
        (p, c) -> {
          p.requireCount(1, 1);
          return BooleanNode.valueOf(filters.remove(filterId(p)) != null);
        });
  }

  /** How many filters are installed (after removing idle ones). */
  public int size() {
    expireIdle();
    return filters.size();
  }

  private JsonNode getLogs(RpcParams params) {
    params.requireCount(1, 1);
    return chain.logsJson(logReader.logs(LogFilterSpec.parse(params.object(0, "filter"))));
  }

  private JsonNode newFilter(RpcParams params) {
    params.requireCount(1, 1);
    LogFilterSpec spec = LogFilterSpec.parse(params.object(0, "filter"));
    long head = chain.backend().headNumber();
    long start =
        spec.fromBlock() instanceof BlockParameter.Latest
                || spec.fromBlock() instanceof BlockParameter.Pending
            ? head + 1
            : spec.fromBlock().number(head).orElseThrow();
    return install(new LogFilter(spec, start));
  }

  private JsonNode install(Filter filter) {
    expireIdle();
    if (filters.size() >= limits.maxFilters()) {
      throw RpcException.limitExceeded(
          "too many filters installed (limit "
              + limits.maxFilters()
              + "); uninstall some or let idle ones expire");
    }
    filter.lastPolledMillis = clock.millis();
    byte[] id = new byte[16];
    random.nextBytes(id);
    id[0] &= 0x7f;
    id[0] |= 0x10; // no leading zero digit: ids are QUANTITY-shaped like geth's
    String key = "0x" + HexFormat.of().formatHex(id);
    filters.put(key, filter);
    return TextNode.valueOf(key);
  }

  private Filter lookup(RpcParams params) {
    expireIdle();
    String id = filterId(params);
    Filter filter = filters.get(id);
    if (filter == null) {
      throw new RpcException(RpcException.SERVER_ERROR, "filter not found: " + id);
    }
    filter.lastPolledMillis = clock.millis();
    return filter;
  }

  private static String filterId(RpcParams params) {
    return params.string(0, "filterId").toLowerCase(java.util.Locale.ROOT);
  }

  private JsonNode getFilterChanges(RpcParams params) {
    params.requireCount(1, 1);
    Filter filter = lookup(params);
    if (filter instanceof HashFilter hashes) {
      ArrayNode list = JSON.arrayNode();
      hashes.drain().forEach(h -> list.add(h.toHexString()));
      return list;
    }
    LogFilter logs = (LogFilter) filter;
    synchronized (logs) {
      long head = chain.backend().headNumber();
      long to = Math.min(head, logs.spec.toBlock().number(head).orElseThrow());
      if (logs.spec.blockHash().isPresent() || logs.nextBlock > to) {
        return JSON.arrayNode();
      }
      // A filter polled rarely catches up over several polls rather than in one unbounded scan.
      to = Math.min(to, logs.nextBlock + limits.maxLogBlockRange() - 1);
      List<LogEntry> found = logReader.run(logReader.checkedRange(logs.nextBlock, to, logs.spec));
      logs.nextBlock = to + 1;
      return chain.logsJson(found);
    }
  }

  private JsonNode getFilterLogs(RpcParams params) {
    params.requireCount(1, 1);
    Filter filter = lookup(params);
    if (!(filter instanceof LogFilter logs)) {
      throw RpcException.invalidParams("filter " + filterId(params) + " is not a log filter");
    }
    return chain.logsJson(logReader.logs(logs.spec));
  }

  private void expireIdle() {
    long cutoff = clock.millis() - limits.filterIdleTimeout().toMillis();
    for (Iterator<Filter> it = filters.values().iterator(); it.hasNext(); ) {
      if (it.next().lastPolledMillis < cutoff) {
        it.remove();
      }
    }
  }

  @Override
  public void onNewBlock(BlockView block, List<Receipt> receipts) {
    Bytes32 hash = block.header().hash();
    for (Filter filter : filters.values()) {
      if (filter instanceof HashFilter h && h.blocks) {
        h.add(hash);
      }
    }
  }

  @Override
  public void onPendingTransaction(Transaction transaction, Bytes32 hash, Address sender) {
    for (Filter filter : filters.values()) {
      if (filter instanceof HashFilter h && !h.blocks) {
        h.add(hash);
      }
    }
  }
}
