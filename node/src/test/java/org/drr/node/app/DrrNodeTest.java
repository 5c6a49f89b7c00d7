package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.chain.StoredBlock;
import org.drr.node.chain.TestChains;
import org.drr.node.consensus.qbft.BlockVerifier;
import org.drr.node.state.StateRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.drr.node.rpc.transport.RpcServerConfig;

/** The node runtime in-process: produces sealed blocks, serves metrics, resumes after restart. */
class DrrNodeTest {
  @TempDir Path dir;

  static NodeConfig config(Path dir, Path genesis, Path key, boolean metrics) {
    return new NodeConfig(
        dir.resolve("data"), genesis, key, false, "127.0.0.1", 0, java.util.List.of("localhost", "127.0.0.1"), java.util.List.of(), false, 0, BigInteger.ZERO,
        metrics, "127.0.0.1", 0, false, false, null, 4096, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
  }

  static Path writeGenesisAndKey(Path dir) throws Exception {
    Files.writeString(dir.resolve("genesis.json"), TestChains.genesisJson());
    Files.writeString(dir.resolve("key"), TestChains.VALIDATOR.privateKey().secret().toHexString());
    return dir.resolve("genesis.json");
  }

  @Test
  void emptyBlocksModeProducesOnThePeriod() throws Exception {
    Path genesis = writeGenesisAndKey(dir);
    NodeConfig base = config(dir, genesis, dir.resolve("key"), false);
    NodeConfig withEmpty = new NodeConfig(base.dataPath(), base.genesisFile(), base.nodeKeyFile(), false, "127.0.0.1", 0,
        base.rpcHostAllowlist(), base.rpcCorsOrigins(), false, 0, java.math.BigInteger.ZERO, false, "127.0.0.1", 0,
        true, false, null, 4096, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    try (DrrNode node = DrrNode.start(withEmpty)) {
      long deadline = System.currentTimeMillis() + 15_000;
      while (node.ledger().chain().head().number() < 3 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(node.ledger().chain().head().number() >= 3, "empty blocks every period");
      var h2 = node.ledger().chain().header(2).orElseThrow();
      var h3 = node.ledger().chain().header(3).orElseThrow();
      assertTrue(h3.timestamp() >= h2.timestamp() + 1, "one block period apart");
      assertEquals(0, node.ledger().chain().block(3).orElseThrow().block().transactions().size());
    }
  }

  @Test
  void producesVerifiableBlocksAndResumes() throws Exception {
    Path genesis = writeGenesisAndKey(dir);
    Bytes32 head;
    long number;
    try (DrrNode node = DrrNode.start(config(dir, genesis, dir.resolve("key"), true))) {
      assertEquals(TestChains.VALIDATOR.address(), node.validator());
      for (int i = 0; i < 3; i++) {
        node.pool().add(TestChains.tx(TestChains.ALICE, i, TestChains.BOB.address(), 7, Bytes.EMPTY));
      }
      long deadline = System.currentTimeMillis() + 15_000;
      while (node.pool().size() > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, node.pool().size(), "pool drained into blocks");
      StoredBlock last = node.ledger().chain().head();
      assertTrue(last.number() >= 1);
      // every produced block passes the QBFT verifier against its parent
      BlockVerifier verifier = new BlockVerifier(1);
      for (long n = 1; n <= last.number(); n++) {
        verifier.verify(node.ledger().chain().header(n).orElseThrow(), node.ledger().chain().header(n - 1).orElseThrow());
      }
      // no empty blocks: every block carries transactions
      for (long n = 1; n <= last.number(); n++) {
        assertTrue(node.ledger().chain().block(n).orElseThrow().block().transactions().size() > 0);
      }
      String metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.metricsPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(metrics.contains("drr_chain_height " + last.number()), metrics);
      assertTrue(metrics.contains("drr_transactions_imported_total 3"), metrics);
      assertTrue(metrics.matches("(?s).*drr_rocksdb_size_bytes [1-9].*"), metrics);
      head = last.hash();
      number = last.number();
    }
    try (DrrNode node = DrrNode.start(config(dir, genesis, dir.resolve("key"), false))) {
      assertEquals(head, node.ledger().chain().head().hash(), "restart resumes from the head");
      assertEquals(number, node.ledger().chain().head().number());
      assertEquals(node.ledger().chain().head().header().stateRoot(), node.ledger().readState(StateRoots::compute));
      node.pool().add(TestChains.tx(TestChains.ALICE, 3, TestChains.BOB.address(), 7, Bytes.EMPTY));
      long deadline = System.currentTimeMillis() + 15_000;
      while (node.ledger().chain().head().number() == number && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(number + 1, node.ledger().chain().head().number());
    }
  }
}
