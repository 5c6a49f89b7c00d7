package org.drr.node.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.contracts.Codes.Classification;
import org.drr.contracts.DevAccounts;
import org.drr.node.chain.ChainColumns;
import org.drr.node.chain.GenesisConfig;
import org.drr.node.chain.Ledger;
import org.drr.node.chain.StoredBlock;
import org.drr.node.compat.SignedSequence.Signed;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.rpc.RpcClient;
import org.drr.node.state.StateRoots;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The node as its own process under registry load over JSON-RPC, killed with SIGKILL at random
 * moments and restarted, again and again. A receipt counts as acknowledged once
 * {@code eth_getTransactionReceipt} returned it; after every kill the database's head holds every
 * acknowledged block, the head state root equals the root recomputed from the reloaded state,
 * and after the restart every acknowledged receipt reads back byte for byte the same.
 *
 * <p>{@code app.CrashRecoveryTest} kills an in-process load generator at the block-write level;
 * this one proves the same through the client's view (registry transactions, RPC receipts).
 * Runs about 60 s; {@code -Ddrr.crash.registry.seconds=600} runs longer.
 */
class RegistryCrashTest {
  private static final int[] SENDERS = {4, 5, 6, 7};
  private static final int BURST_PER_SENDER = 25;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void acknowledgedRegistryReceiptsSurviveSigkill() throws Exception {
    CompatNode.writeGenesisAndKey(dir);
    long seconds = Long.getLong("drr.crash.registry.seconds", 60);
    Random random = new Random(Long.getLong("drr.crash.seed", System.nanoTime()));
    Map<String, String> acknowledged = new LinkedHashMap<>();
    long ackedHead = 0;
    RegistryScenario scenario = new RegistryScenario(System.currentTimeMillis() / 1000);
    NodeProcess node = NodeProcess.start(dir, dir.resolve("node.log"));
    List<List<ReplayStep>> setUp = new ArrayList<>();
    setUp.add(scenario.deploySteps());
    setUp.addAll(scenario.batches().subList(0, 2));
    RpcClient rpc = new RpcClient(node.port());
    for (List<Signed> batch : new SignedSequence(setUp).batches()) {
      for (Signed s : batch) {
        rpc.call("eth_sendRawTransaction", s.raw());
      }
      for (Signed s : batch) {
        acknowledged.put(s.hash(), awaitReceipt(rpc, s.hash()).toString());
      }
    }
    long end = System.currentTimeMillis() + seconds * 1000;
    int kills = 0;
    int counter = 0;
    while (System.currentTimeMillis() < end || kills < 5) {
      Load load = new Load(node.port(), scenario, counter);
      Thread loader = Thread.ofPlatform().start(load);
      Thread.sleep(1000 + random.nextInt(3000));
      node.kill();
      loader.join(30_000);
      kills++;
      counter = load.next;
      acknowledged.putAll(load.acked);
      if (load.failure != null) {
        throw new AssertionError("the load failed before kill " + kills, load.failure);
      }
      for (String receipt : load.acked.values()) {
        ackedHead = Math.max(ackedHead, blockOf(receipt));
      }
      long head = verifyDatabase(ackedHead);
      node = NodeProcess.start(dir, dir.resolve("node.log"));
      rpc = new RpcClient(node.port());
      for (Map.Entry<String, String> e : acknowledged.entrySet()) {
        JsonNode now = rpc.call("eth_getTransactionReceipt", e.getKey());
        assertEquals(e.getValue(), String.valueOf(now), "acknowledged receipt of " + e.getKey()
            + " after kill " + kills + " (head " + head + ")");
      }
    }
    node.kill();
    assertTrue(acknowledged.size() > 100, "only " + acknowledged.size()
        + " acknowledged transactions: load too light to prove much");
    System.out.println("registry crash test: " + kills + " kills, " + acknowledged.size()
        + " acknowledged receipts, acknowledged head " + ackedHead);
  }

  private static long blockOf(String receipt) throws IOException {
    return Long.decode(JSON.readTree(receipt).get("blockNumber").asText());
  }

  /** Opens the killed node's database: head at or above every acknowledged block, roots agree. */
  private long verifyDatabase(long ackedHead) throws IOException {
    try (RocksDbStorage storage = RocksDbStorage.open(dir.resolve("data").resolve("database"),
        StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])))) {
      Ledger ledger = Ledger.open(storage, GenesisConfig.load(dir.resolve("genesis.json")),
          QbftBlockHashing.INSTANCE);
      StoredBlock head = ledger.chain().head();
      assertTrue(head.number() >= ackedHead, "head " + head.number()
          + " below the acknowledged block " + ackedHead);
      Bytes32 root = head.header().stateRoot();
      assertEquals(root, ledger.readState(StateRoots::compute),
          "state reloaded after the kill hashes to head #" + head.number() + "'s state root");
      return head.number();
    }
  }

  static JsonNode awaitReceipt(RpcClient rpc, String hash) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
      if (receipt != null && !receipt.isNull()) {
        return receipt;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no receipt for " + hash + " after 60 s");
  }

  /**
   * Sends bursts of asset registrations ({@value #BURST_PER_SENDER} per sender, nonces from the
   * node's latest count) and acknowledges each burst's receipts, until the node dies under it.
   */
  private static final class Load implements Runnable {
    final Map<String, String> acked = new LinkedHashMap<>();
    volatile Throwable failure;
    private final RpcClient rpc;
    private final RegistryScenario scenario;
    int next;

    Load(int port, RegistryScenario scenario, int first) {
      this.rpc = new RpcClient(port);
      this.scenario = scenario;
      this.next = first;
    }

    @Override
    public void run() {
      try {
        Map<Integer, BigInteger> nonces = new LinkedHashMap<>();
        for (int s : SENDERS) {
          nonces.put(s, new BigInteger(rpc.call("eth_getTransactionCount",
              DevAccounts.account(s).getAddress(), "latest").asText().substring(2), 16));
        }
        while (true) {
          List<String> burst = new ArrayList<>();
          for (int k = 0; k < BURST_PER_SENDER; k++) {
            for (int s : SENDERS) {
              String data = RegistryScenario.registerAsset(scenario.registry().assets(),
                  "crash-" + next++, Classification.GENERAL, "transport").encodeFunctionCall();
              BigInteger nonce = nonces.merge(s, BigInteger.ONE, BigInteger::add)
                  .subtract(BigInteger.ONE);
              Credentials key = DevAccounts.account(s);
              byte[] raw = TransactionEncoder.signMessage(RawTransaction.createTransaction(nonce,
                  BigInteger.ZERO, BigInteger.valueOf(SignedSequence.CALL_GAS),
                  scenario.deployment().assets(), BigInteger.ZERO, data), CompatNode.CHAIN_ID, key);
              rpc.call("eth_sendRawTransaction", Numeric.toHexString(raw));
              burst.add(Numeric.toHexString(Hash.sha3(raw)));
            }
          }
          for (String hash : burst) {
            JsonNode receipt = awaitReceipt(rpc, hash);
            assertEquals("0x1", receipt.get("status").asText(), "registration " + hash);
            acked.put(hash, receipt.toString());
          }
        }
      } catch (IOException | InterruptedException killed) {
        // the node died under the load: what was acknowledged so far stands
      } catch (Exception | AssertionError e) {
        failure = e;
      }
    }
  }
}
