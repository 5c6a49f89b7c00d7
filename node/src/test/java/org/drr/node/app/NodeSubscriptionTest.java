package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.chain.TestChains;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.drr.node.rpc.transport.RpcServerConfig;

/** The chain's events reach WebSocket subscribers through the node's RPC backend. */
class NodeSubscriptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static final class Client extends WebSocketClient {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

    Client(URI uri) {
      super(uri);
    }

    @Override public void onOpen(ServerHandshake handshake) {}

    @Override public void onMessage(String message) {
      try {
        messages.add(JSON.readTree(message));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override public void onClose(int code, String reason, boolean remote) {}

    @Override public void onError(Exception ex) {}
  }

  @Test
  void newHeadsAndPendingTransactionsAreDelivered() throws Exception {
    Path genesis = DrrNodeTest.writeGenesisAndKey(dir);
    NodeConfig config = new NodeConfig(dir.resolve("data"), genesis, dir.resolve("key"), false, "127.0.0.1", 0,
        List.of("localhost", "127.0.0.1"), List.of(), true, 0, BigInteger.ZERO, false, "127.0.0.1", 0,
        false, false, null, 4096, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    try (DrrNode node = DrrNode.start(config)) {
      Client ws = new Client(URI.create("ws://127.0.0.1:" + node.rpcWsPort()));
      assertTrue(ws.connectBlocking(10, TimeUnit.SECONDS));
      ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}");
      ws.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_subscribe\",\"params\":[\"newPendingTransactions\"]}");
      String heads = null;
      String pending = null;
      while (heads == null || pending == null) {
        JsonNode reply = ws.messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(reply, "no subscription reply");
        if (reply.path("id").asInt() == 1) {
          heads = reply.get("result").asText();
        } else if (reply.path("id").asInt() == 2) {
          pending = reply.get("result").asText();
        }
      }
      var tx = TestChains.tx(TestChains.ALICE, 0, TestChains.BOB.address(), 1, Bytes.EMPTY);
      node.pool().add(tx);
      boolean sawPending = false;
      JsonNode head = null;
      long deadline = System.currentTimeMillis() + 15_000;
      while ((head == null || !sawPending) && System.currentTimeMillis() < deadline) {
        JsonNode m = ws.messages.poll(1, TimeUnit.SECONDS);
        if (m == null || !"eth_subscription".equals(m.path("method").asText())) {
          continue;
        }
        String sub = m.get("params").get("subscription").asText();
        if (sub.equals(pending)) {
          sawPending = tx.hash().toHexString().equals(m.get("params").get("result").asText());
        } else if (sub.equals(heads)) {
          head = m.get("params").get("result");
        }
      }
      assertTrue(sawPending, "pending transaction notification");
      assertNotNull(head, "newHeads notification");
      var block1 = node.ledger().chain().block(1).orElseThrow();
      assertEquals(block1.hash().toHexString(), head.get("hash").asText());
      assertEquals("0x1", head.get("number").asText());
      ws.closeBlocking();
    }
  }
}
