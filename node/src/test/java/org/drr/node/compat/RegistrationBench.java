package org.drr.node.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.drr.contracts.Codes.Classification;
import org.drr.node.compat.SignedSequence.Signed;
import org.drr.node.rpc.RpcClient;

/**
 * The asset-registration benchmark (run by {@code scripts/bench-node.sh}, never by the tests):
 * starts the target as its own process (the node with {@code ./drr node}, as operators start it;
 * anvil through npm), deploys the registry and onboards participants, then submits pre-signed
 * {@code AssetRegistry.register} transactions from four participant accounts as fast as one
 * client can, in three rounds: {@code N} from a cold start, a warm-up of {@value
 * #WARM_UP_ROUNDS}{@code N}, and {@code N} warm. On a two-core machine the node's JIT compiler threads take most of a core for about 14,000
 * registrations (20 s) after start-up, competing with the node and the client; the warm round
 * comes after that, and for the node the bench reports how much CPU the compiler threads still
 * used in each round, so "warm" can be checked. anvil, compiled ahead, runs the same rounds. Each
 * round also reports the CPU the target used per registration.
 * For each round it reports committed transactions per second (first submission to last
 * inclusion), p50/p99 submit-to-inclusion latency (inclusion seen by polling new blocks every
 * 10 ms, when the receipt becomes readable) and, for the node, RocksDB bytes per registered
 * asset (data directory growth over all rounds, measured after the node shut down).
 *
 * <p>Every round starts just after the target showed a new block: both seal one each period,
 * empty or not (anvil's interval mining; the node with {@code --empty-blocks-enabled true}), so
 * every round meets the block period at the same point on both.
 *
 * <p>With more than one client ({@code 2} or {@code 4}), each submits the transactions of its
 * share of the senders, concurrently, as several enterprises would.
 *
 * <p>Usage: {@code RegistrationBench node|anvil <N> <work dir> [clients, default 1]}.
 */
public final class RegistrationBench {
  private static final int[] SENDERS = {4, 5, 6, 7};
  /** Size of the warm-up round, in rounds of {@code N}. */
  private static final int WARM_UP_ROUNDS = 6;
  /** A round whose inclusions stop for this long has stalled: it fails, saying what is stuck. */
  private static final long STALL_NANOS = 60_000_000_000L;

  private record Round(String name, int size) {}

  private RegistrationBench() {}

  public static void main(String[] args) throws Exception {
    String target = args[0];
    int n = Integer.parseInt(args[1]);
    Path dir = Files.createDirectories(Path.of(args[2]).resolve(target));
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    if (clients < 1 || SENDERS.length % clients != 0) {
      throw new IllegalArgumentException("clients must divide the " + SENDERS.length + " senders");
    }
    RegistryScenario scenario = new RegistryScenario(System.currentTimeMillis() / 1000);
    List<List<ReplayStep>> steps = new ArrayList<>();
    steps.add(scenario.deploySteps());
    steps.addAll(scenario.batches().subList(0, 2)); // onboards 4, 5, 6, 7 (and more)
    List<ReplayStep> load = new ArrayList<>();
    List<Round> rounds =
        List.of(new Round("cold", n), new Round("warm-up", WARM_UP_ROUNDS * n), new Round("warm", n));
    int total = rounds.stream().mapToInt(Round::size).sum();
    for (int i = 0; i < total; i++) {
      load.add(RegistryScenario.step("register " + i, SENDERS[i % SENDERS.length],
          RegistryScenario.registerAsset(scenario.registry().assets(), "bench-" + i,
              Classification.GENERAL, "transport"), scenario.deployment().assets(),
          ReplayStep.Expect.SUCCEED));
    }
    steps.add(load);
    SignedSequence sequence = new SignedSequence(steps);
    List<List<Signed>> batches = sequence.batches();
    List<Signed> all = batches.get(batches.size() - 1);
    if (target.equals("node")) {
      CompatNode.writeGenesisAndKey(dir);
      long before;
      // Empty blocks on, as anvil's interval mining: both then seal a block every period while
      // idle, and each round can start at the same point of the period (see run).
      NodeProcess node = NodeProcess.startWithLauncher(
          dir, dir.resolve("node.log"), "--empty-blocks-enabled", "true");
      try {
        setUp(new RpcClient(node.port()), batches);
        before = size(dir.resolve("data"));
        report("node", node.port(), rounds, all, clients, node.handle());
      } finally {
        node.stop();
      }
      long after = size(dir.resolve("data"));
      System.out.printf("node: RocksDB %d bytes before, %d after %d registrations: %.0f bytes/asset%n",
          before, after, total, (after - before) / (double) total);
    } else {
      try (Anvil anvil = Anvil.start(dir.resolve("anvil.log"), "--block-time", "1")) {
        setUp(new RpcClient(anvil.port()), batches);
        report("anvil", anvil.port(), rounds, all, clients, anvil.handle());
      }
    }
  }

  /**
   * Runs the rounds and prints each one's figures, with the CPU the target's processes used per
   * registration, for a JVM how much of it its JIT compiler threads took, and the CPU this process
   * (the load generator, which shares the machine's cores with the target) used.
   */
  private static void report(String target, int port, List<Round> rounds, List<Signed> load,
      int clients, ProcessHandle process) throws Exception {
    int from = 0;
    for (Round round : rounds) {
      long cpu = treeCpuMillis(process);
      long compiling = compilerCpuMillis(process.pid());
      long generating = treeCpuMillis(ProcessHandle.current());
      Result result = run(port, load.subList(from, from + round.size()), clients);
      long used = treeCpuMillis(process) - cpu;
      compiling = compilerCpuMillis(process.pid()) - compiling;
      generating = treeCpuMillis(ProcessHandle.current()) - generating;
      System.out.printf("%s: %s%s: %s; CPU %.2f ms per registration%s; load generator %.2f ms%n",
          target, round.name(), clients > 1 ? " (" + clients + " clients)" : "",
          result, used / (double) round.size(),
          compiling > 0 ? String.format(" (JIT compiler threads %d ms in all)", compiling) : "",
          generating / (double) round.size());
      from += round.size();
    }
  }

  /** CPU time used so far by {@code root} and its descendants (anvil runs under npx). */
  private static long treeCpuMillis(ProcessHandle root) {
    long sum = 0;
    for (ProcessHandle p : Stream.concat(Stream.of(root), root.descendants()).toList()) {
      ProcStat stat = ProcStat.read(Path.of("/proc", Long.toString(p.pid()), "stat"));
      sum += stat == null ? 0 : stat.cpuMillis();
    }
    return sum;
  }

  /** CPU time used so far by the JIT compiler threads of the JVM {@code pid}. */
  private static long compilerCpuMillis(long pid) {
    List<Path> tasks;
    try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks = list.toList();
    } catch (IOException gone) {
      return 0;
    }
    long sum = 0;
    for (Path task : tasks) {
      ProcStat stat = ProcStat.read(task.resolve("stat"));
      if (stat != null && stat.name().contains("CompilerThre")) {
        sum += stat.cpuMillis();
      }
    }
    return sum;
  }

  /** A process's or thread's name and CPU time (user and system), from a Linux {@code stat}. */
  private record ProcStat(String name, long cpuMillis) {
    /** Reads {@code file}; null once the process or thread is gone. */
    static ProcStat read(Path file) {
      String stat;
      try {
        stat = Files.readString(file);
      } catch (IOException gone) {
        return null;
      }
      String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // after the name come state (field 3) ... utime (field 14) and stime (field 15), in clock
      // ticks of 10 ms
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new ProcStat(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
    }
  }

  private record Result(
      int n, int failed, double tps, long p50, long p99, int blocks, long submitMillis) {
    @Override
    public String toString() {
      return String.format("%d registrations (%d failed) in %d blocks, %.1f tx/s, latency p50 %d ms,"
          + " p99 %d ms; submitting took %d ms", n, failed, blocks, tps, p50, p99, submitMillis);
    }
  }

  private static void setUp(RpcClient rpc, List<List<Signed>> batches) throws Exception {
    for (List<Signed> batch : batches.subList(0, batches.size() - 1)) {
      for (Signed s : batch) {
        rpc.call("eth_sendRawTransaction", s.raw());
      }
      for (Signed s : batch) {
        JsonNode r;
        while ((r = rpc.call("eth_getTransactionReceipt", s.hash())) == null || r.isNull()) {
          Thread.sleep(50);
        }
        if (!r.get("status").asText().equals("0x1") && s.step().expect() == ReplayStep.Expect.SUCCEED) {
          throw new IllegalStateException("set-up step failed: " + s.step().label());
        }
      }
    }
  }

  private static Result run(int port, List<Signed> load, int clients) throws Exception {
    RpcClient submitter = new RpcClient(port);
    Map<String, Long> submitted = new ConcurrentHashMap<>();
    Map<String, Long> included = new HashMap<>();
    LoopbackRpc watcher = new LoopbackRpc(port);
    long firstBlock = awaitNewBlock(watcher);
    long start = System.nanoTime();
    long[] blocks = {0};
    Exception[] watchFailure = {null};
    Thread watch = Thread.ofPlatform().start(() -> {
      long seen = firstBlock;
      long progressAt = System.nanoTime();
      int progress = 0;
      try {
        while (true) {
          synchronized (included) {
            if (included.size() > progress) {
              progress = included.size();
              progressAt = System.nanoTime();
            }
          }
          if (System.nanoTime() - progressAt > STALL_NANOS) {
            return; // reported below, with what is stuck
          }
          long head = Long.decode(watcher.call("eth_blockNumber").asText());
          for (long b = seen + 1; b <= head; b++) {
            JsonNode block = watcher.call("eth_getBlockByNumber", "0x" + Long.toHexString(b), false);
            long now = System.nanoTime();
            synchronized (included) {
              for (JsonNode tx : block.get("transactions")) {
                included.put(tx.asText(), now);
              }
              if (block.get("transactions").size() > 0) {
                blocks[0]++;
              }
            }
          }
          seen = head;
          synchronized (included) {
            if (included.size() >= load.size()) {
              return;
            }
          }
          Thread.sleep(10);
        }
      } catch (Exception e) {
        watchFailure[0] = e;
      }
    });
    submitConcurrently(port, load, clients, submitted);
    long submitMillis = (System.nanoTime() - start) / 1_000_000;
    watch.join();
    watcher.close();
    if (watchFailure[0] != null) {
      throw new IllegalStateException("watching for inclusions failed", watchFailure[0]);
    }
    if (included.size() < load.size()) {
      throw new IllegalStateException(stuck(submitter, load, included));
    }
    long[] latencies = new long[load.size()];
    long last = 0;
    for (int i = 0; i < load.size(); i++) {
      String h = load.get(i).hash();
      Long at = included.get(h);
      last = Math.max(last, at);
      latencies[i] = (at - submitted.get(h)) / 1_000_000;
    }
    Arrays.sort(latencies);
    int failed = 0;
    for (Signed s : load) {
      if (!submitter.call("eth_getTransactionReceipt", s.hash()).get("status").asText()
          .equals("0x1")) {
        failed++;
      }
    }
    double seconds = (last - start) / 1e9;
    return new Result(load.size(), failed, load.size() / seconds,
        latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)],
        (int) blocks[0], submitMillis);
  }

  /**
   * Waits until the target shows a new block and returns its number. A round's rate depends on
   * how far its start is from the next block's due time (up to a whole period, in which the
   * round's first transactions wait); starting every round just after a block, on both targets,
   * removes that luck from the comparison.
   */
  private static long awaitNewBlock(LoopbackRpc rpc) throws Exception {
    long head = Long.decode(rpc.call("eth_blockNumber").asText());
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      long now = Long.decode(rpc.call("eth_blockNumber").asText());
      if (now > head) {
        return now;
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("no new block in 10 s: the target must seal blocks while idle");
  }

  /**
   * What a stalled round left behind: how many transactions were never seen in a block, the head
   * block, and for the first of them what the target says about it (pending, mined or unknown)
   * and its sender's mined and pending nonces.
   */
  private static String stuck(RpcClient rpc, List<Signed> load, Map<String, Long> included)
      throws IOException, InterruptedException {
    Signed first = load.stream().filter(s -> !included.containsKey(s.hash())).findFirst().orElseThrow();
    String stalled = String.format("no transaction included for %d s: %d of %d never seen in a block;"
            + " head %s; the first, #%d %s, is ", STALL_NANOS / 1_000_000_000,
        load.size() - included.size(), load.size(), rpc.call("eth_blockNumber").asText(),
        first.index(), first.hash());
    JsonNode tx = rpc.call("eth_getTransactionByHash", first.hash());
    if (tx == null || tx.isNull()) {
      return stalled + "unknown to the target";
    }
    JsonNode block = tx.get("blockNumber");
    String sender = tx.get("from").asText();
    return stalled + (block.isNull() ? "pending" : "mined in block " + block.asText())
        + String.format("; its sender %s has nonce %s mined, %s pending", sender,
            rpc.call("eth_getTransactionCount", sender, "latest").asText(),
            rpc.call("eth_getTransactionCount", sender, "pending").asText());
  }

  /**
   * Submits {@code load} from {@code clients} threads, each with its own connection and its own
   * share of the senders, so every sender's nonces still arrive in order; each waits for one
   * answer before sending the next, as a simple client does.
   */
  private static void submitConcurrently(
      int port, List<Signed> load, int clients, Map<String, Long> submitted) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          try (LoopbackRpc rpc = new LoopbackRpc(port)) {
            for (int i = 0; i < load.size(); i++) {
              if (i % SENDERS.length % clients != client) {
                continue;
              }
              Signed s = load.get(i);
              submitted.put(s.hash(), System.nanoTime());
              rpc.call("eth_sendRawTransaction", s.raw());
            }
          }
        } catch (Exception e) {
          failures.add(e);
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a submitter failed", failures.get(0));
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
