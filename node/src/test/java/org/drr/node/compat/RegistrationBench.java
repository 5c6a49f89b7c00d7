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
import java.util.stream.Stream;
import org.drr.contracts.Codes.Classification;
import org.drr.node.compat.SignedSequence.Signed;
import org.drr.node.rpc.RpcClient;

/**
 * The asset-registration benchmark (run by {@code scripts/bench-node.sh}, never by the tests):
 * starts the target as its own process (the node as a separate JVM, like anvil), deploys the
 * registry and onboards participants, then submits pre-signed {@code AssetRegistry.register}
 * transactions from four participant accounts as fast as one client can, in two rounds of
 * {@code N}: the first from a cold start, the second once the client and the node's JIT are warm.
 * For each round it reports committed transactions per second (first submission to last
 * inclusion), p50/p99 submit-to-inclusion latency (inclusion seen by polling new blocks every
 * 10 ms, when the receipt becomes readable) and, for the node, RocksDB bytes per registered
 * asset (data directory growth over both rounds, measured after the node shut down).
 *
 * <p>Usage: {@code RegistrationBench node|anvil <N> <work dir>}.
 */
public final class RegistrationBench {
  private static final int[] SENDERS = {4, 5, 6, 7};

  private RegistrationBench() {}

  public static void main(String[] args) throws Exception {
    String target = args[0];
    int n = Integer.parseInt(args[1]);
    Path dir = Files.createDirectories(Path.of(args[2]).resolve(target));
    RegistryScenario scenario = new RegistryScenario(System.currentTimeMillis() / 1000);
    List<List<ReplayStep>> steps = new ArrayList<>();
    steps.add(scenario.deploySteps());
    steps.addAll(scenario.batches().subList(0, 2)); // onboards 4, 5, 6, 7 (and more)
    List<ReplayStep> load = new ArrayList<>();
    for (int i = 0; i < 2 * n; i++) {
      load.add(RegistryScenario.step("register " + i, SENDERS[i % SENDERS.length],
          RegistryScenario.registerAsset(scenario.registry().assets(), "bench-" + i,
              Classification.GENERAL, "transport"), scenario.deployment().assets(),
          ReplayStep.Expect.SUCCEED));
    }
    steps.add(load);
    SignedSequence sequence = new SignedSequence(steps);
    List<List<Signed>> batches = sequence.batches();
    List<Signed> all = batches.get(batches.size() - 1);
    List<List<Signed>> rounds = List.of(all.subList(0, n), all.subList(n, 2 * n));
    if (target.equals("node")) {
      CompatNode.writeGenesisAndKey(dir);
      long before;
      NodeProcess node = NodeProcess.start(dir, dir.resolve("node.log"));
      try {
        setUp(new RpcClient(node.port()), batches);
        before = size(dir.resolve("data"));
        report("node", node.port(), rounds);
      } finally {
        node.stop();
      }
      long after = size(dir.resolve("data"));
      System.out.printf("node: RocksDB %d bytes before, %d after %d registrations: %.0f bytes/asset%n",
          before, after, 2 * n, (after - before) / (2.0 * n));
    } else {
      try (Anvil anvil = Anvil.start(dir.resolve("anvil.log"), "--block-time", "1")) {
        setUp(new RpcClient(anvil.port()), batches);
        report("anvil", anvil.port(), rounds);
      }
    }
  }

  private static void report(String target, int port, List<List<Signed>> rounds) throws Exception {
    System.out.printf("%s: cold: %s%n", target, run(port, rounds.get(0)));
    System.out.printf("%s: warm: %s%n", target, run(port, rounds.get(1)));
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

  private static Result run(int port, List<Signed> load) throws Exception {
    RpcClient submitter = new RpcClient(port);
    Map<String, Long> submitted = new HashMap<>();
    Map<String, Long> included = new HashMap<>();
    RpcClient watcher = new RpcClient(port);
    long start = System.nanoTime();
    long[] blocks = {0};
    long firstBlock = Long.decode(watcher.call("eth_blockNumber").asText());
    Thread watch = Thread.ofPlatform().start(() -> {
      long seen = firstBlock;
      try {
        while (true) {
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
        throw new IllegalStateException(e);
      }
    });
    for (Signed s : load) {
      synchronized (submitted) {
        submitted.put(s.hash(), System.nanoTime());
      }
      submitter.call("eth_sendRawTransaction", s.raw());
    }
    long submitMillis = (System.nanoTime() - start) / 1_000_000;
    watch.join(600_000);
    long[] latencies = new long[load.size()];
    long last = 0;
    for (int i = 0; i < load.size(); i++) {
      String h = load.get(i).hash();
      Long at = included.get(h);
      if (at == null) {
        throw new IllegalStateException("tx " + i + " never included");
      }
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

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
