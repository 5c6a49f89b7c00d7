package org.drr.node.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drr.node.compat.SignedSequence.Signed;
import org.drr.node.rpc.RpcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays one signed transaction sequence — the registry deployment, a scenario across the
 * domain and a seeded random workload ({@code -Ddrr.diff.seed}, {@code -Ddrr.diff.count}) — on
 * the node and on anvil ({@code --hardfork cancun}), and requires identical receipts (status, gas
 * used, logs, contract addresses) and, for reverts, identical revert data (the call tracer's
 * output).
 *
 * <p>The node runs first. Anvil then mines the same blocks: automine off, FIFO ordering, and for
 * each node block its transactions in the node's order, then one block at the node's timestamp
 * — so block number and timestamp, which the registry records, agree as well.
 */
class AnvilReceiptDifferentialTest {
  @TempDir Path dir;

  @Test
  void registrySequenceGivesIdenticalReceiptsOnAnvilAndTheNode() throws Exception {
    long seed = Long.getLong("drr.diff.seed", 20261121L);
    int count = Integer.getInteger("drr.diff.count", 300);
    RegistryScenario scenario = new RegistryScenario(System.currentTimeMillis() / 1000);
    List<List<ReplayStep>> steps = new ArrayList<>();
    steps.add(scenario.deploySteps());
    steps.addAll(scenario.batches());
    steps.addAll(RandomRegistryWorkload.batches(scenario, seed, count, 50));
    SignedSequence sequence = new SignedSequence(steps);

    Map<Integer, JsonNode> nodeReceipts = new LinkedHashMap<>();
    Map<Integer, String> nodeRevertData = new LinkedHashMap<>();
    TreeMap<Long, Long> blockTimestamps = new TreeMap<>();
    try (CompatNode node = CompatNode.start(dir)) {
      RpcClient rpc = new RpcClient(node.rpcPort());
      for (List<Signed> batch : sequence.batches()) {
        for (Signed s : batch) {
          rpc.call("eth_sendRawTransaction", s.raw());
        }
        for (Signed s : batch) {
          nodeReceipts.put(s.index(), awaitReceipt(rpc, s));
        }
      }
      for (Signed s : sequence.all()) {
        JsonNode receipt = nodeReceipts.get(s.index());
        String block = receipt.get("blockNumber").asText();
        blockTimestamps.computeIfAbsent(Long.decode(block), n -> timestamp(rpc, block));
        if (!receipt.get("status").asText().equals("0x1")) {
          nodeRevertData.put(s.index(), revertData(rpc, s.hash()));
        }
      }
    }

    List<String> differences = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    int reverted = 0;
    try (Anvil anvil = Anvil.start(dir.resolve("anvil.log"), "--no-mining", "--order", "fifo",
        "--timestamp", "1492009146")) {
      RpcClient rpc = new RpcClient(anvil.port());
      TreeMap<Long, List<Signed>> byBlock = new TreeMap<>();
      for (Signed s : sequence.all()) {
        byBlock.computeIfAbsent(Long.decode(nodeReceipts.get(s.index()).get("blockNumber")
            .asText()), n -> new ArrayList<>()).add(s);
      }
      for (Map.Entry<Long, List<Signed>> block : byBlock.entrySet()) {
        List<Signed> txs = new ArrayList<>(block.getValue());
        txs.sort((x, y) -> Long.compare(txIndex(nodeReceipts.get(x.index())),
            txIndex(nodeReceipts.get(y.index()))));
        for (Signed s : txs) {
          rpc.call("eth_sendRawTransaction", s.raw());
        }
        rpc.call("anvil_setNextBlockTimestamp", blockTimestamps.get(block.getKey()));
        rpc.call("evm_mine");
      }
      for (Signed s : sequence.all()) {
        JsonNode anvilReceipt = rpc.call("eth_getTransactionReceipt", s.hash());
        String label = s.step().label();
        if (anvilReceipt == null || anvilReceipt.isNull()) {
          differences.add("tx " + s.index() + " (" + label + "): anvil did not mine it");
          continue;
        }
        differences.addAll(
            ReceiptDiff.between(s.index(), label, anvilReceipt, nodeReceipts.get(s.index())));
        boolean success = anvilReceipt.get("status").asText().equals("0x1");
        if (!success) {
          reverted++;
          ReceiptDiff.compare(differences, s.index(), label, "revert data",
              com.fasterxml.jackson.databind.node.TextNode.valueOf(revertData(rpc, s.hash())),
              com.fasterxml.jackson.databind.node.TextNode.valueOf(
                  nodeRevertData.getOrDefault(s.index(), "(node succeeded)")));
        }
        ReplayStep.Expect expect = s.step().expect();
        if (expect == ReplayStep.Expect.SUCCEED && !success
            || expect == ReplayStep.Expect.REVERT && success) {
          unexpected.add("tx " + s.index() + " (" + label + ") expected to " + expect
              + " but anvil says status " + anvilReceipt.get("status").asText());
        }
      }
    }
    int total = sequence.all().size();
    System.out.println("differential: " + total + " transactions in " + blockTimestamps.size()
        + " blocks, " + reverted + " reverted, " + differences.size() + " differences");
    assertTrue(differences.isEmpty(), differences.size() + " differences:\n"
        + String.join("\n", differences.subList(0, Math.min(40, differences.size()))));
    assertTrue(unexpected.isEmpty(), "the scenario did not go as meant:\n"
        + String.join("\n", unexpected));
    assertTrue(reverted >= total / 10, "only " + reverted + " of " + total + " reverted");
    assertTrue(reverted <= total * 8 / 10, reverted + " of " + total + " reverted");
  }

  private static JsonNode awaitReceipt(RpcClient rpc, Signed s) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode receipt = rpc.call("eth_getTransactionReceipt", s.hash());
      if (receipt != null && !receipt.isNull()) {
        return receipt;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("tx " + s.index() + " (" + s.step().label() + ") " + s.hash()
        + " has no receipt on the node after 60 s");
  }

  private static long timestamp(RpcClient rpc, String block) {
    try {
      return Long.decode(rpc.call("eth_getBlockByNumber", block, false).get("timestamp").asText());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read block " + block + ": " + e.getMessage(), e);
    }
  }

  private static long txIndex(JsonNode receipt) {
    return Long.decode(receipt.get("transactionIndex").asText());
  }

  /** The call tracer's output of a transaction: its revert data ("0x" if none). */
  private static String revertData(RpcClient rpc, String hash) throws Exception {
    JsonNode trace = rpc.call("debug_traceTransaction", hash, Map.of("tracer", "callTracer"));
    JsonNode output = trace.get("output");
    return output == null || output.isNull() ? "0x" : output.asText().toLowerCase();
  }
}
