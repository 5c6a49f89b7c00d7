package org.drr.node.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drr.node.compat.SignedSequence.Signed;
import org.drr.node.rpc.RpcClient;

/**
 * The training run behind the node's JVM cache ({@code scripts/train-node.sh}, never the tests):
 * starts {@code ./drr node} on a fresh dev chain, with the {@code -XX:AOTCacheOutput} option the
 * script passes in {@code DRR_JAVA_OPTS}, and drives it through what its users do, so the JVM
 * records which classes the node loads and how its methods run. At the graceful stop that
 * follows, the JVM writes the cache; {@code ./drr node} then starts from it with those classes
 * already loaded and linked and those method profiles already known, and compiles its hot code
 * in the first seconds of load instead of after tens of thousands of transactions.
 *
 * <p>The workload is the one the receipt differential test replays, not the benchmark's: the
 * registry's deployment, the CLI scenario and a seeded random mix of registrations, metadata
 * changes, grants, transfers, objections and participant registrations, a good share of which
 * revert. It is submitted in batches; after each, the run reads every receipt, the batch's blocks
 * and their logs, as the CLI and indexers do.
 *
 * <p>Usage: {@code NodeTraining <work dir> [random steps, default 8000]}.
 */
public final class NodeTraining {
  private static final long SEED = 20261206L;
  private static final int BATCH = 500;

  private NodeTraining() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
    RegistryScenario scenario = new RegistryScenario(System.currentTimeMillis() / 1000);
    List<List<ReplayStep>> steps = new ArrayList<>();
    steps.add(scenario.deploySteps());
    steps.addAll(scenario.batches());
    steps.addAll(RandomRegistryWorkload.batches(scenario, SEED, count, BATCH));
    List<List<Signed>> batches = new SignedSequence(steps).batches();
    int total = batches.stream().mapToInt(List::size).sum();

    CompatNode.writeGenesisAndKey(dir);
    NodeProcess node = NodeProcess.startWithLauncher(dir, dir.resolve("node.log"));
    int sent = 0;
    RpcClient rpc = new RpcClient(node.port());
    try {
      for (List<Signed> batch : batches) {
        for (Signed s : batch) {
          rpc.call("eth_sendRawTransaction", s.raw());
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        for (Signed s : batch) {
          JsonNode receipt = RegistryCrashTest.awaitReceipt(rpc, s.hash());
          long block = Long.decode(receipt.get("blockNumber").asText());
          first = Math.min(first, block);
          last = Math.max(last, block);
        }
        for (long b = first; b <= last; b++) {
          rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(b), true);
        }
        rpc.call("eth_getLogs", Map.of(
            "fromBlock", "0x" + Long.toHexString(first), "toBlock", "0x" + Long.toHexString(last)));
        int before = sent;
        sent += batch.size();
        if (sent / BATCH > before / BATCH || sent == total) {
          System.out.printf("trained on %d of %d transactions%n", sent, total);
        }
      }
    } finally {
      node.stop(); // graceful: the JVM writes its cache as it exits
    }
  }
}
