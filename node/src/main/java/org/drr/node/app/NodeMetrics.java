package org.drr.node.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import com.sun.net.httpserver.HttpServer;
import org.drr.node.chain.StoredBlock;

/**
 * The node's Prometheus metrics, served in the text exposition format at {@code /metrics} on
 * the JDK's HTTP server: chain height, blocks and transactions imported, pool size, RPC latency per
 * method (from the RPC server), and the database size on disk.
 */
public final class NodeMetrics implements AutoCloseable {
  private final AtomicLong height = new AtomicLong();
  private final LongAdder blocks = new LongAdder();
  private final LongAdder transactions = new LongAdder();
  private final LongAdder gasUsed = new LongAdder();
  private volatile java.util.function.Consumer<StringBuilder> rpcMetrics = b -> {};
  private volatile IntSupplier poolSize = () -> 0;
  private volatile Path databasePath;
  private HttpServer server;

  public void blockImported(StoredBlock block) {
    height.set(block.number());
    blocks.increment();
    transactions.add(block.block().transactions().size());
    gasUsed.add(block.header().gasUsed());
  }

  public void setHeight(long h) {
    height.set(h);
  }

  /** Appends the RPC server's per-method latency histograms to each scrape. */
  public void rpcMetrics(java.util.function.Consumer<StringBuilder> writer) {
    this.rpcMetrics = writer;
  }

  public void poolSize(IntSupplier size) {
    this.poolSize = size;
  }

  public void database(Path path) {
    this.databasePath = path;
  }

  /** The exposition text. */
  public String render() {
    StringBuilder b = new StringBuilder();
    gauge(b, "drr_chain_height", "Number of the head block", height.get());
    counter(b, "drr_blocks_imported_total", "Blocks imported since start", blocks.sum());
    counter(b, "drr_transactions_imported_total", "Transactions in imported blocks since start", transactions.sum());
    counter(b, "drr_gas_used_total", "Gas used by imported blocks since start", gasUsed.sum());
    gauge(b, "drr_txpool_size", "Transactions waiting in the pool", poolSize.getAsInt());
    rpcMetrics.accept(b);
    gauge(b, "drr_rocksdb_size_bytes", "Size of the database directory on disk", databaseBytes());
    return b.toString();
  }

  private long databaseBytes() {
    Path p = databasePath;
    if (p == null) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return -1; // files vanish during compaction; report "unknown" rather than fail the scrape
    }
  }

  private static void gauge(StringBuilder b, String name, String help, long v) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(v).append('\n');
  }

  private static void counter(StringBuilder b, String name, String help, long v) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(v).append('\n');
  }

  /** Serves {@code /metrics} on {@code host:port} (port 0 picks one); returns the bound port. */
  public int serve(String host, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = render().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
