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
 * deploys the registry and onboards participants, then submits {@code N} pre-signed
 * {@code AssetRegistry.register} transactions from four participant accounts as fast as one
 * client can, and reports committed transactions per second (first submission to last
 * inclusion), p50/p99 submit-to-inclusion latency (inclusion seen by polling new blocks every
 * 10 ms, when the receipt becomes readable) and, for the node, RocksDB bytes per registered
 * asset (data directory growth, measured after the node closed).
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
    for (int i = 0; i < n; i++) {
      load.add(RegistryScenario.step("register " + i, SENDERS[i % SENDERS.length],
          RegistryScenario.registerAsset(scenario.registry().assets(), "bench-" + i,
              Classification.GENERAL, "transport"), scenario.deployment().assets(),
          ReplayStep.Expect.SUCCEED));
    }
    steps.add(load);
    SignedSequence sequence = new SignedSequence(steps);
    List<List<Signed>> batches = sequence.batches();
    if (target.equals("node")) {
      long before;
      Result result;
      try (CompatNode node = CompatNode.start(dir)) {
        RpcClient rpc = new RpcClient(node.rpcPort());
        setUp(rpc, batches);
        before = size(node.dataPath());
        result = run(node.rpcPort(), batches.get(batches.size() - 1));
      }
      long after = size(dir.resolve("data"));
      System.out.printf("node: %s, RocksDB %d bytes before, %d after: %.0f bytes/asset%n",
          result, before, after, (after - before) / (double) n);
    } else {
      try (Anvil anvil = Anvil.start(dir.resolve("anvil.log"), "--block-time", "1")) {
        RpcClient rpc = new RpcClient(anvil.port());
        setUp(rpc, batches);
        System.out.printf("anvil: %s%n", run(anvil.port(), batches.get(batches.size() - 1)));
      }
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
