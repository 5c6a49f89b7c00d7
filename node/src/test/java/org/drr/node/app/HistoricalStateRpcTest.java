package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.chain.TestChains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.drr.node.rpc.transport.RpcServerConfig;

/**
 * Queries against past blocks go through the persisted tries (and key preimages): balances,
 * calls at an older block, proofs, and transaction traces replayed on the parent state.
 */
class HistoricalStateRpcTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path dir;

  private JsonNode rpc(int port, String method, Object... params) throws Exception {
    String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    return JSON.readTree(client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private static void waitForBlock(DrrNode node, long number) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (node.ledger().chain().head().number() < number && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(node.ledger().chain().head().number() >= number, "block " + number + " not produced");
  }

  @Test
  void pastBlocksAnswerFromTheirOwnState() throws Exception {
    Path genesis = DrrNodeTest.writeGenesisAndKey(dir);
    NodeConfig config = new NodeConfig(dir.resolve("data"), genesis, dir.resolve("key"), true, "127.0.0.1", 0,
        List.of("localhost", "127.0.0.1"), List.of(), false, 0, BigInteger.ZERO, false, "127.0.0.1", 0,
        false, false, null, 4096, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    try (DrrNode node = DrrNode.start(config)) {
      int port = node.rpcHttpPort();
      String bob = TestChains.BOB.address().toHexString();
      String genesisBalance = rpc(port, "eth_getBalance", bob, "latest").get("result").asText();
      var first = TestChains.tx(TestChains.ALICE, 0, TestChains.BOB.address(), 1000, Bytes.EMPTY);
      node.pool().add(first);
      waitForBlock(node, 1);
      var second = TestChains.tx(TestChains.ALICE, 1, TestChains.BOB.address(), 500, Bytes.EMPTY);
      node.pool().add(second);
      waitForBlock(node, 2);

      BigInteger b0 = new BigInteger(rpc(port, "eth_getBalance", bob, "0x0").get("result").asText().substring(2), 16);
      BigInteger b1 = new BigInteger(rpc(port, "eth_getBalance", bob, "0x1").get("result").asText().substring(2), 16);
      BigInteger b2 = new BigInteger(rpc(port, "eth_getBalance", bob, "0x2").get("result").asText().substring(2), 16);
      assertEquals(new BigInteger(genesisBalance.substring(2), 16), b0);
      assertEquals(b0.add(BigInteger.valueOf(1000)), b1);
      assertEquals(b1.add(BigInteger.valueOf(500)), b2);

      // a call at block 0 runs on the genesis state (rebuilt from the trie and preimages)
      String data = "0x12345678" + TestChains.ALICE.address().toWord().toUnprefixedHexString();
      JsonNode call = rpc(port, "eth_call", Map.of("to", TestChains.ALICE_ONLY_REGISTRY.toHexString(), "data", data), "0x0");
      assertEquals("0x" + "00".repeat(31) + "01", call.get("result").asText(), call.toString());

      JsonNode proof = rpc(port, "eth_getProof", bob, List.of(), "0x1");
      assertEquals("0x" + b1.toString(16), proof.get("result").get("balance").asText(), proof.toString());

      // the second transaction replays on block 1's state
      JsonNode trace = rpc(port, "debug_traceTransaction", second.hash().toHexString(), Map.of());
      assertTrue(trace.has("result"), trace.toString());
      assertEquals(21000, trace.get("result").get("gas").asLong(), trace.toString());
    }
  }
}
