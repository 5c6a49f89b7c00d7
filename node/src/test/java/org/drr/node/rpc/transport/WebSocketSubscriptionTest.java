package org.drr.node.rpc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.drr.node.rpc.LimitsBuilder;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcTestSupport;
import org.drr.node.types.Address;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-RPC over a real WebSocket: requests, eth_subscribe notifications and limits. */
class WebSocketSubscriptionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RpcTestSupport.Scenario s;
  private Client client;

  /** A Java-WebSocket client that queues every message it receives. */
  private static final class Client extends WebSocketClient {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;

    Client(int port) {
      super(URI.create("ws://127.0.0.1:" + port));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
      try {
        messages.add(MAPPER.readTree(message));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closeCode = code;
      closed.countDown();
    }

    @Override
    public void onError(Exception e) {}

    JsonNode next() throws InterruptedException {
      JsonNode message = messages.poll(10, TimeUnit.SECONDS);
      assertNotNull(message, "no message within 10 s");
      return message;
    }

    JsonNode request(int id, String method, String params) throws InterruptedException {
      send(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"method\":\""
              + method
              + "\",\"params\":"
              + params
              + "}");
      return next();
    }
  }

  @BeforeEach
  void setUp(@TempDir Path dir) throws Exception {
    s = RpcTestSupport.scenario(dir, RpcLimits.DEFAULTS);
    client = new Client(s.fixture().webSocketPort());
    assertTrue(client.connectBlocking(10, TimeUnit.SECONDS));
  }

  @AfterEach
  void tearDown() throws Exception {
    client.closeBlocking();
    s.fixture().close();
  }

  @Test
  void plainRequestsAndBatchesWork() throws Exception {
    assertEquals("0x539", client.request(1, "eth_chainId", "[]").get("result").asText());
    client.send(
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"net_version\"}]");
    JsonNode batch = client.next();
    assertEquals(2, batch.size());
    assertEquals(-32700, client.request(3, "x", "[").get("error").get("code").asInt());
  }

  @Test
  void newHeadsNotifiesEachBlock() throws Exception {
    String id = client.request(1, "eth_subscribe", "[\"newHeads\"]").get("result").asText();
    String hash = s.fixture().mine().header().hash().toHexString();
    JsonNode note = client.next();
    assertEquals("eth_subscription", note.get("method").asText());
    assertEquals(id, note.get("params").get("subscription").asText());
    JsonNode head = note.get("params").get("result");
    assertEquals(hash, head.get("hash").asText());
    assertEquals("0x4", head.get("number").asText());
    assertTrue(head.has("parentHash") && head.has("stateRoot") && head.has("baseFeePerGas"));
    assertTrue(client.request(2, "eth_unsubscribe", "[\"" + id + "\"]").get("result").asBoolean());
    s.fixture().mine();
    assertNull(
        client.messages.poll(300, TimeUnit.MILLISECONDS), "no notification after unsubscribe");
  }

  @Test
  void logsSubscriptionFiltersByAddress() throws Exception {
    String id =
        client
            .request(
                1, "eth_subscribe", "[\"logs\",{\"address\":\"" + s.store().toHexString() + "\"}]")
            .get("result")
            .asText();
    String other =
        client
            .request(2, "eth_subscribe", "[\"logs\",{\"address\":\"0x" + "00".repeat(20) + "\"}]")
            .get("result")
            .asText();
    s.fixture().send(s.fixture().storeTransaction(s.store(), 77));
    s.fixture().mine();
    JsonNode note = client.next();
    assertEquals(id, note.get("params").get("subscription").asText());
    JsonNode log = note.get("params").get("result");
    assertTrue(log.get("data").asText().endsWith("4d"));
    assertEquals("0x4", log.get("blockNumber").asText());
    assertNull(client.messages.poll(300, TimeUnit.MILLISECONDS), "nothing for " + other);
  }

  @Test
  void pendingTransactionsAsHashesOrObjects() throws Exception {
    String hashes =
        client.request(1, "eth_subscribe", "[\"newPendingTransactions\"]").get("result").asText();
    String full =
        client
            .request(2, "eth_subscribe", "[\"newPendingTransactions\", true]")
            .get("result")
            .asText();
    String hash = s.fixture().send(s.fixture().transfer(RpcTestSupport.BOB, Address.ZERO, 5));
    JsonNode first = client.next();
    JsonNode second = client.next();
    JsonNode byHash =
        first.get("params").get("subscription").asText().equals(hashes) ? first : second;
    JsonNode byObject = byHash == first ? second : first;
    assertEquals(hash, byHash.get("params").get("result").asText());
    assertEquals(full, byObject.get("params").get("subscription").asText());
    assertEquals(hash, byObject.get("params").get("result").get("hash").asText());
  }

  @Test
  void subscribeOverHttpAndUnknownTypesAreRefused() throws Exception {
    JsonNode http = s.fixture().client.error("eth_subscribe", "newHeads");
    assertEquals(-32601, http.get("code").asInt());
    JsonNode unknown = client.request(1, "eth_subscribe", "[\"syncing\"]");
    assertEquals(-32602, unknown.get("error").get("code").asInt());
    assertTrue(unknown.get("error").get("message").asText().contains("syncing"));
    assertEquals(
        false, client.request(2, "eth_unsubscribe", "[\"0x1234\"]").get("result").asBoolean());
  }

  @Test
  void manySequentialRoundTripsAreAllAnswered() throws Exception {
    // Regression: responses sent from worker threads could stall in Java-WebSocket's queue.
    for (int i = 0; i < 500; i++) {
      JsonNode response = client.request(i, "eth_blockNumber", "[]");
      assertEquals(i, response.get("id").asInt());
    }
  }

  @Test
  void subscriptionsPerConnectionAreBounded() throws Exception {
    for (int i = 0; i < RpcLimits.DEFAULTS.maxSubscriptionsPerConnection(); i++) {
      assertTrue(client.request(i, "eth_subscribe", "[\"newHeads\"]").has("result"));
    }
    JsonNode refused = client.request(999, "eth_subscribe", "[\"newHeads\"]");
    assertEquals(-32005, refused.get("error").get("code").asInt());
  }

  @Test
  void oversizedMessageClosesTheConnectionAndServerStaysUp(@TempDir Path dir) throws Exception {
    // A small limit keeps the whole oversized message in one loopback segment: the server reads
    // all of it before closing. With megabytes still in flight, closing a socket with unread
    // input makes the kernel send RST, and the client may lose the 1009 close frame to it.
    int limit = 4096;
    RpcTestSupport.Scenario small =
        RpcTestSupport.scenario(dir, LimitsBuilder.defaults().maxBodyBytes(limit).build());
    try {
      Client victim = new Client(small.fixture().webSocketPort());
      assertTrue(victim.connectBlocking(10, TimeUnit.SECONDS));
      victim.send(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x"
              + "00".repeat(limit)
              + "\"]}");
      assertTrue(victim.closed.await(10, TimeUnit.SECONDS));
      assertEquals(1009, victim.closeCode, "1009: message too big");
      Client again = new Client(small.fixture().webSocketPort());
      assertTrue(again.connectBlocking(10, TimeUnit.SECONDS));
      assertEquals("0x539", again.request(1, "eth_chainId", "[]").get("result").asText());
      again.closeBlocking();
    } finally {
      small.fixture().close();
    }
  }

}
