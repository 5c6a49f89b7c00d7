package org.drr.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.app.DrrNode;
import org.drr.node.app.NodeConfig;
import org.drr.node.chain.TestChains;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.NewHeadsNotification;
import org.drr.node.rpc.transport.RpcServerConfig;

/**
 * The RPC through the real node: {@link DrrNode} with its QBFT producer, RocksDB block store, pool
 * and the chain's {@link RpcBackend} adapter, on loopback HTTP and WebSocket ports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealNodeRpcTest {
  private DrrNode node;
  private RpcClient client;
  private Address store;
  private Transaction storeCall;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("genesis.json"), TestChains.genesisJson());
    Files.writeString(dir.resolve("key"), TestChains.VALIDATOR.privateKey().secret().toHexString());
    NodeConfig config =
        new NodeConfig(
            dir.resolve("data"),
            dir.resolve("genesis.json"),
            dir.resolve("key"),
            true,
            "127.0.0.1",
            0,
            List.of("localhost", "127.0.0.1"),
            List.of(),
            true,
            0,
            BigInteger.ZERO,
            false,
            "127.0.0.1",
            0,
            false,
            false,
            null,
            4096, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    node = DrrNode.start(config);
    client = new RpcClient(node.rpcHttpPort());
    Transaction deploy =
        TestChains.tx(TestChains.ALICE, 0, null, 0, Bytecode.deployment(Contracts.store()));
    send(deploy);
    store = Address.fromHexString(receipt(deploy).get("contractAddress").asText());
    storeCall = TestChains.tx(TestChains.ALICE, 1, store, 0, Bytes32.leftPad(Bytes.of(42)));
    send(storeCall);
    assertEquals("0x1", receipt(storeCall).get("status").asText());
  }

  @AfterAll
  void stop() {
    node.close();
  }

  private void send(Transaction tx) throws Exception {
    assertEquals(
        tx.hash().toHexString(),
        client.call("eth_sendRawTransaction", tx.encoded().toHexString()).asText());
  }

  /** Polls for the receipt while the node produces blocks on its period. */
  private JsonNode receipt(Transaction tx) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode receipt = client.call("eth_getTransactionReceipt", tx.hash().toHexString());
      if (!receipt.isNull()) {
        return receipt;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no receipt for " + tx.hash() + " within 20 s");
  }

  @Test
  void blocksMatchTheLedgerAndValidatorsComeFromExtraData() throws Exception {
    JsonNode receipt = client.call("eth_getTransactionReceipt", storeCall.hash().toHexString());
    long number = Long.decode(receipt.get("blockNumber").asText());
    JsonNode block = client.call("eth_getBlockByNumber", receipt.get("blockNumber").asText(), true);
    assertEquals(
        node.ledger()
            .chain()
            .header(number)
            .map(h -> node.ledger().chain().block(number).orElseThrow().hash().toHexString())
            .orElseThrow(),
        block.get("hash").asText());
    assertEquals(
        storeCall.hash().toHexString(), block.get("transactions").get(0).get("hash").asText());
    assertEquals(receipt.get("blockHash"), block.get("hash"));
    assertEquals(
        TestChains.VALIDATOR.address().toHexString(),
        client.call("qbft_getValidatorsByBlockNumber", "latest").get(0).asText());
    assertEquals("0x539", client.call("eth_chainId").asText());
  }

  @Test
  void stateCallLogsAndProofs() throws Exception {
    assertEquals(
        Bytes32.leftPad(Bytes.of(42)).toHexString(),
        client.call("eth_getStorageAt", store.toHexString(), "0x0", "latest").asText());
    String word = Bytes32.leftPad(Bytes.of(5)).toHexString();
    assertEquals(
        word,
        client
            .call("eth_call", Map.of("to", store.toHexString(), "data", word), "latest")
            .asText());
    JsonNode revert = client.error("eth_call", Map.of("to", store.toHexString()), "latest");
    assertEquals(3, revert.get("code").asInt());
    assertEquals("execution reverted: nope", revert.get("message").asText());
    long estimate =
        Long.decode(
            client
                .call(
                    "eth_estimateGas",
                    Map.of(
                        "from",
                        TestChains.ALICE.address().toHexString(),
                        "to",
                        store.toHexString(),
                        "data",
                        word))
                .asText());
    assertTrue(estimate > 21_000 && estimate < 100_000, "estimate " + estimate);
    JsonNode logs =
        client.call(
            "eth_getLogs",
            Map.of(
                "fromBlock",
                "0x0",
                "address",
                store.toHexString(),
                "topics",
                List.of(Contracts.STORED_TOPIC.toHexString())));
    assertEquals(1, logs.size());
    assertEquals(storeCall.hash().toHexString(), logs.get(0).get("transactionHash").asText());

    JsonNode head = client.call("eth_getBlockByNumber", "latest", false);
    JsonNode proof =
        client.call(
            "eth_getProof", store.toHexString(), List.of("0x0"), head.get("number").asText());
    List<Bytes> nodes = new ArrayList<>();
    proof.get("accountProof").forEach(n -> nodes.add(Bytes.fromHexString(n.asText())));
    Account account =
        Account.decode(
            SecureMerklePatriciaTrie.verifyProof(
                    Bytes32.fromHexString(head.get("stateRoot").asText()), store.bytes(), nodes)
                .orElseThrow());
    assertEquals(account.storageRoot().toHexString(), proof.get("storageHash").asText());
    assertEquals("0x2a", proof.get("storageProof").get(0).get("value").asText());
  }

  @Test
  void rejectionsAndTraces() throws Exception {
    JsonNode stale = client.error("eth_sendRawTransaction", storeCall.encoded().toHexString());
    assertEquals(-32000, stale.get("code").asInt());
    assertTrue(
        stale.get("message").asText().toLowerCase().contains("nonce")
            || stale.get("message").asText().toLowerCase().contains("known"),
        stale.toString());
    JsonNode tree =
        client.call(
            "debug_traceTransaction",
            storeCall.hash().toHexString(),
            Map.of("tracer", "callTracer"));
    assertEquals("CALL", tree.get("type").asText());
    assertEquals(store.toHexString(), tree.get("to").asText());
    JsonNode receipt = client.call("eth_getTransactionReceipt", storeCall.hash().toHexString());
    assertEquals(receipt.get("gasUsed").asText(), tree.get("gasUsed").asText());
    JsonNode structLogs = client.call("debug_traceTransaction", storeCall.hash().toHexString());
    assertEquals(Long.decode(receipt.get("gasUsed").asText()), structLogs.get("gas").asLong());
    assertEquals(
        "RETURN",
        structLogs
            .get("structLogs")
            .get(structLogs.get("structLogs").size() - 1)
            .get("op")
            .asText());
  }

  @Test
  void newHeadsOverWebSocketFromTheProducer() throws Exception {
    WebSocketService ws = new WebSocketService("ws://127.0.0.1:" + node.rpcWsPort(), false);
    ws.connect();
    Web3j web3j = Web3j.build(ws);
    BlockingQueue<NewHeadsNotification> heads = new LinkedBlockingQueue<>();
    var subscription = web3j.newHeadsNotifications().subscribe(heads::add);
    try {
      Transaction tx = TestChains.tx(TestChains.BOB, 0, TestChains.ALICE.address(), 1, Bytes.EMPTY);
      send(tx);
      JsonNode receipt = receipt(tx);
      NewHeadsNotification head = heads.poll(20, TimeUnit.SECONDS);
      assertNotNull(head, "a newHeads notification for the block with the transfer");
      assertTrue(
          Long.decode(head.getParams().getResult().getNumber())
              <= Long.decode(receipt.get("blockNumber").asText()));
    } finally {
      subscription.dispose();
      web3j.shutdown();
    }
  }
}
