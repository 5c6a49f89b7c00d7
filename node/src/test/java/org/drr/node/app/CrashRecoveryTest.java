package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.chain.ChainColumns;
import org.drr.node.chain.GenesisConfig;
import org.drr.node.chain.Ledger;
import org.drr.node.chain.StoredBlock;
import org.drr.node.chain.TransactionLocation;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.state.StateRoots;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.types.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a loaded node process with SIGKILL at random moments, many times, and after each kill
 * opens its database and checks: the head holds every block the node acknowledged; every
 * acknowledged transaction is indexed in the block it was acknowledged in, with its receipt; the
 * reloaded state's root equals the head's state root, and the trie agrees with the flat state.
 * A kill between a block's write and its state's leaves the state a block behind; opening
 * re-executes that block, and the checks hold after it.
 *
 * <p>Runs about 60 s; {@code -Ddrr.crash.seconds=600} runs the long version.
 */
class CrashRecoveryTest {
  @TempDir Path dir;

  private record Ack(long number, Bytes32 blockHash) {}

  @Test
  void sigkillUnderLoadLosesNoAcknowledgedBlock() throws Exception {
    Path genesis = DrrNodeTest.writeGenesisAndKey(dir);
    Path data = dir.resolve("data");
    long seconds = Long.getLong("drr.crash.seconds", 60);
    long end = System.currentTimeMillis() + seconds * 1000;
    Random random = new Random(Long.getLong("drr.crash.seed", System.nanoTime()));
    Map<Bytes32, Ack> acked = new HashMap<>();
    int kills = 0;
    int betweenWrites = 0; // kills that left a block written and its state not: reopening re-executes it
    long lastHead = 0;
    while (System.currentTimeMillis() < end || kills < 5) {
      Process p = new ProcessBuilder(
              ProcessHandle.current().info().command().orElse("java"),
              "-cp", System.getProperty("java.class.path"),
              CrashLoadNode.class.getName(), data.toString(), genesis.toString(), dir.resolve("key").toString())
          .redirectError(dir.resolve("node-" + kills + ".log").toFile())
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
      String first = out.readLine();
      assertTrue(first != null && first.startsWith("READY"), "node did not start: " + first + ", see node-" + kills + ".log");
      long readyHead = Long.parseLong(first.substring(6).trim());
      assertTrue(readyHead >= lastHead, "restart resumed at " + readyHead + " below the previous head " + lastHead);
      CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
        try {
          for (String line; (line = out.readLine()) != null; ) {
            String[] f = line.split(" ");
            if (f[0].equals("ACK")) {
              synchronized (acked) {
                acked.put(Bytes32.fromHexString(f[1]), new Ack(Long.parseLong(f[2]), Bytes32.fromHexString(f[3])));
              }
            }
          }
        } catch (java.io.IOException e) {
          // the pipe breaks when the process dies
        }
      });
      Thread.sleep(300 + random.nextInt(2500));
      p.destroyForcibly(); // SIGKILL on Linux
      assertTrue(p.waitFor(20, TimeUnit.SECONDS));
      reader.get(20, TimeUnit.SECONDS);
      kills++;
      Verified verified = verify(data, genesis, acked);
      if (verified.betweenWrites()) {
        betweenWrites++;
      }
      lastHead = verified.head();
    }
    assertTrue(kills >= 5, "killed " + kills + " times");
    assertTrue(acked.size() > 50, "only " + acked.size() + " acknowledged transactions: load too light to prove much");
    System.out.println("crash test: " + kills + " kills (" + betweenWrites + " between a block's write and its"
        + " state's), " + acked.size() + " acknowledged transactions, head " + lastHead);
  }

  /** The head a killed node's database reopened at, and whether the kill came between a block's two writes. */
  private record Verified(long head, boolean betweenWrites) {}

  /** Whether the state pointer is behind the head pointer: the kill came between the two writes. */
  private static boolean killedBetweenABlocksTwoWrites(RocksDbStorage storage) {
    byte[] head = storage.get(ChainColumns.META, "head".getBytes(StandardCharsets.US_ASCII)).orElseThrow();
    return storage.get(ChainColumns.META, "state".getBytes(StandardCharsets.US_ASCII))
        .map(state -> !java.util.Arrays.equals(state, head))
        .orElse(false);
  }

  /** Opens the killed node's database and checks it. */
  private static Verified verify(Path data, Path genesis, Map<Bytes32, Ack> acked) {
    try (RocksDbStorage storage = RocksDbStorage.open(
        data.resolve("database"), StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])))) {
      boolean betweenWrites = killedBetweenABlocksTwoWrites(storage); // before opening repairs it
      Ledger ledger = Ledger.open(storage, GenesisConfig.load(genesis), QbftBlockHashing.INSTANCE);
      StoredBlock head = ledger.chain().head();
      synchronized (acked) {
        for (Map.Entry<Bytes32, Ack> e : acked.entrySet()) {
          Ack a = e.getValue();
          assertTrue(head.number() >= a.number(), "acknowledged block " + a.number() + " above head " + head.number());
          TransactionLocation loc = ledger.chain().transactionLocation(e.getKey())
              .orElseThrow(() -> new AssertionError("acknowledged tx " + e.getKey() + " lost"));
          assertEquals(a.blockHash(), loc.blockHash(), "tx " + e.getKey() + " moved blocks");
          assertTrue(ledger.chain().receipts(loc.blockHash()).get(loc.index()).success());
        }
      }
      Bytes32 root = head.header().stateRoot();
      assertEquals(root, ledger.readState(StateRoots::compute), "reloaded flat state matches the head state root");
      List.of(org.drr.node.chain.TestChains.ALICE, org.drr.node.chain.TestChains.BOB).forEach(k -> {
        Account inTrie = ledger.chain().stateStore().account(root, k.address());
        long flatNonce = ledger.readState(s -> s.nonce(k.address()));
        assertEquals(flatNonce, inTrie.nonce());
      });
      return new Verified(head.number(), betweenWrites);
    }
  }
}
