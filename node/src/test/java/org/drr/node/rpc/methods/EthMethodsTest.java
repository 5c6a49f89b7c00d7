package org.drr.node.rpc.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.Rlp;
import org.drr.node.rpc.RpcTestSupport;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eth_/web3_/net_ methods over real HTTP against a chain with a deployed contract, checking
 * values and geth's JSON shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EthMethodsTest {
  private RpcTestSupport.Scenario s;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    s = RpcTestSupport.scenario(dir);
  }

  @AfterAll
  void tearDown() {
    s.fixture().close();
  }

  private JsonNode call(String method, Object... params) throws Exception {
    return s.fixture().client.call(method, params);
  }

  private JsonNode error(String method, Object... params) throws Exception {
    return s.fixture().client.error(method, params);
  }

  @Test
  void identity() throws Exception {
    assertTrue(call("web3_clientVersion").asText().startsWith("drr/v"));
    assertEquals(
        Keccak256.hash(Bytes.wrap("hello".getBytes())).toHexString(),
        call("web3_sha3", "0x68656c6c6f").asText());
    assertEquals("1337", call("net_version").asText());
    assertEquals("0x539", call("eth_chainId").asText());
    assertTrue(call("net_listening").asBoolean());
    assertEquals("0x0", call("net_peerCount").asText());
    assertFalse(call("eth_syncing").asBoolean());
    assertEquals(0, call("eth_accounts").size());
    assertEquals("0x3", call("eth_blockNumber").asText());
  }

  @Test
  void blockByNumberWithHashesAndFullTransactions() throws Exception {
    JsonNode block = call("eth_getBlockByNumber", "0x2", false);
    assertEquals("0x2", block.get("number").asText());
    assertEquals(2, block.get("transactions").size());
    assertEquals(s.legacy().hash().toHexString(), block.get("transactions").get(0).asText());
    for (String field :
        List.of(
            "hash",
            "parentHash",
            "nonce",
            "mixHash",
            "sha3Uncles",
            "logsBloom",
            "transactionsRoot",
            "stateRoot",
            "receiptsRoot",
            "miner",
            "difficulty",
            "totalDifficulty",
            "extraData",
            "size",
            "gasLimit",
            "gasUsed",
            "timestamp",
            "baseFeePerGas",
            "uncles")) {
      assertTrue(block.has(field), "block lacks " + field + ": " + block);
    }
    assertEquals("0x7", block.get("baseFeePerGas").asText());
    assertEquals(2 * 21_000, Long.decode(block.get("gasUsed").asText()));
    JsonNode full = call("eth_getBlockByHash", block.get("hash").asText(), true);
    assertEquals(block.get("hash"), full.get("hash"));
    assertEquals(
        s.eip1559().hash().toHexString(), full.get("transactions").get(1).get("hash").asText());
    assertEquals(
        block.get("hash"),
        call("eth_getBlockByNumber", "latest", false).get("parentHash").isNull()
            ? null
            : call("eth_getBlockByNumber", "0x3", false).get("parentHash"));
    assertTrue(call("eth_getBlockByNumber", "0x63", false).isNull());
    assertEquals("0x0", call("eth_getBlockByNumber", "earliest", false).get("number").asText());
    assertEquals("0x3", call("eth_getBlockByNumber", "finalized", false).get("number").asText());
    assertEquals("0x2", call("eth_getBlockTransactionCountByNumber", "0x2").asText());
    assertEquals(
        "0x2", call("eth_getBlockTransactionCountByHash", block.get("hash").asText()).asText());
  }

  @Test
  void transactionShapesPerType() throws Exception {
    JsonNode legacy = call("eth_getTransactionByHash", s.legacy().hash().toHexString());
    assertEquals("0x0", legacy.get("type").asText());
    assertEquals("0x539", legacy.get("chainId").asText());
    assertEquals("0x3e8", legacy.get("gasPrice").asText());
    long v = Long.decode(legacy.get("v").asText());
    assertTrue(v == 1337 * 2 + 35 || v == 1337 * 2 + 36, "EIP-155 v: " + v);
    assertFalse(legacy.has("yParity"));
    assertEquals(RpcTestSupport.ALICE.address().toHexString(), legacy.get("from").asText());
    assertEquals(RpcTestSupport.BOB.address().toHexString(), legacy.get("to").asText());
    assertEquals("0x0", legacy.get("transactionIndex").asText());

    JsonNode dynamic = call("eth_getTransactionByBlockNumberAndIndex", "0x2", "0x1");
    assertEquals("0x2", dynamic.get("type").asText());
    assertEquals("0x3e8", dynamic.get("maxFeePerGas").asText());
    assertEquals("0x2", dynamic.get("maxPriorityFeePerGas").asText());
    assertEquals("0x9", dynamic.get("gasPrice").asText(), "effective price: base 7 + tip 2");
    assertEquals(dynamic.get("v"), dynamic.get("yParity"));
    assertEquals(0, dynamic.get("accessList").size());
    assertEquals(s.eip1559().hash().toHexString(), dynamic.get("hash").asText());
    String blockHash = dynamic.get("blockHash").asText();
    assertEquals(dynamic, call("eth_getTransactionByBlockHashAndIndex", blockHash, "0x1"));
    assertTrue(call("eth_getTransactionByBlockHashAndIndex", blockHash, "0x5").isNull());
    assertTrue(call("eth_getTransactionByHash", "0x" + "ab".repeat(32)).isNull());
  }

  @Test
  void receipts() throws Exception {
    JsonNode receipt = call("eth_getTransactionReceipt", s.eip1559().hash().toHexString());
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x5208", receipt.get("gasUsed").asText());
    assertEquals("0xa410", receipt.get("cumulativeGasUsed").asText());
    assertEquals("0x9", receipt.get("effectiveGasPrice").asText());
    assertEquals("0x2", receipt.get("type").asText());
    assertEquals("0x1", receipt.get("transactionIndex").asText());
    assertTrue(receipt.get("contractAddress").isNull());
    assertEquals(0, receipt.get("logs").size());
    assertEquals(514, receipt.get("logsBloom").asText().length());

    JsonNode deploy = call("eth_getTransactionReceipt", s.deployment().hash().toHexString());
    assertEquals(
        Address.contractAddress(RpcTestSupport.ALICE.address(), 0).toHexString(),
        deploy.get("contractAddress").asText());
    assertTrue(deploy.get("to").isNull());

    JsonNode stored = call("eth_getTransactionReceipt", s.storeCall().hash().toHexString());
    JsonNode log = stored.get("logs").get(0);
    assertEquals(s.store().toHexString(), log.get("address").asText());
    assertEquals(RpcTestSupport.STORED_TOPIC.toHexString(), log.get("topics").get(0).asText());
    assertEquals(Bytes32.leftPad(Bytes.of(0x2a)).toHexString(), log.get("data").asText());
    assertEquals("0x0", log.get("logIndex").asText());
    assertFalse(log.get("removed").asBoolean());

    JsonNode all = call("eth_getBlockReceipts", "0x2");
    assertEquals(2, all.size());
    assertEquals(receipt, all.get(1));
    assertTrue(call("eth_getTransactionReceipt", "0x" + "cd".repeat(32)).isNull());
  }

  @Test
  void stateReadsAtHistoricalBlocks() throws Exception {
    String bob = RpcTestSupport.BOB.address().toHexString();
    BigInteger before =
        new BigInteger(call("eth_getBalance", bob, "0x1").asText().substring(2), 16);
    BigInteger after = new BigInteger(call("eth_getBalance", bob, "0x2").asText().substring(2), 16);
    assertEquals(BigInteger.valueOf(1_000 + 2_000), after.subtract(before));
    String alice = RpcTestSupport.ALICE.address().toHexString();
    assertEquals("0x1", call("eth_getTransactionCount", alice, "0x1").asText());
    assertEquals("0x4", call("eth_getTransactionCount", alice, "latest").asText());
    assertEquals(
        RpcTestSupport.storeRuntime().toHexString(),
        call("eth_getCode", s.store().toHexString(), "latest").asText());
    assertEquals("0x", call("eth_getCode", bob, "latest").asText());
    assertEquals(
        Bytes32.leftPad(Bytes.of(0x2a)).toHexString(),
        call("eth_getStorageAt", s.store().toHexString(), "0x0", "latest").asText());
    assertEquals(
        Bytes32.ZERO.toHexString(),
        call("eth_getStorageAt", s.store().toHexString(), "0x0", "0x2").asText());
    assertEquals(-32000, error("eth_getBalance", bob, "0x99").get("code").asInt());
    // EIP-1898 block object
    assertEquals(
        call("eth_getBalance", bob, "0x1"),
        call("eth_getBalance", bob, Map.of("blockNumber", "0x1")));
  }

  @Test
  void proofsVerifyAgainstTheStateRoot() throws Exception {
    JsonNode block = call("eth_getBlockByNumber", "latest", false);
    Bytes32 stateRoot = Bytes32.fromHexString(block.get("stateRoot").asText());
    JsonNode proof = call("eth_getProof", s.store().toHexString(), List.of("0x0", "0x1"), "latest");
    List<Bytes> accountNodes = nodes(proof.get("accountProof"));
    Account account =
        Account.decode(
            SecureMerklePatriciaTrie.verifyProof(stateRoot, s.store().bytes(), accountNodes)
                .orElseThrow());
    assertEquals(account.storageRoot().toHexString(), proof.get("storageHash").asText());
    assertEquals(account.codeHash().toHexString(), proof.get("codeHash").asText());
    assertEquals("0x1", proof.get("nonce").asText());
    JsonNode slot0 = proof.get("storageProof").get(0);
    assertEquals("0x2a", slot0.get("value").asText());
    Bytes proven =
        SecureMerklePatriciaTrie.verifyProof(
                account.storageRoot(), Bytes32.ZERO, nodes(slot0.get("proof")))
            .orElseThrow();
    assertEquals(Bytes.of(0x2a), Rlp.decodeBytes(proven));
    JsonNode slot1 = proof.get("storageProof").get(1);
    assertEquals("0x0", slot1.get("value").asText());
    assertTrue(
        SecureMerklePatriciaTrie.verifyProof(
                account.storageRoot(), Bytes32.leftPad(Bytes.of(1)), nodes(slot1.get("proof")))
            .isEmpty());
    JsonNode absent = call("eth_getProof", "0x" + "99".repeat(20), List.of(), "latest");
    assertEquals("0x0", absent.get("balance").asText());
    assertTrue(
        SecureMerklePatriciaTrie.verifyProof(
                stateRoot,
                Bytes.fromHexString("0x" + "99".repeat(20)),
                nodes(absent.get("accountProof")))
            .isEmpty());
  }

  private static List<Bytes> nodes(JsonNode list) {
    java.util.ArrayList<Bytes> out = new java.util.ArrayList<>();
    list.forEach(n -> out.add(Bytes.fromHexString(n.asText())));
    return out;
  }

  @Test
  void callReturnsOutputAndRevertsWithCode3() throws Exception {
    String data = Bytes32.leftPad(Bytes.of(0x07)).toHexString();
    Map<String, String> ok = Map.of("to", s.store().toHexString(), "data", data);
    assertEquals(data, call("eth_call", ok, "latest").asText());
    JsonNode revert = error("eth_call", Map.of("to", s.store().toHexString()), "latest");
    assertEquals(3, revert.get("code").asInt());
    assertEquals("execution reverted: nope", revert.get("message").asText());
    assertTrue(revert.get("data").asText().startsWith("0x08c379a0"));
    // the call through the forwarder sees the store's result
    assertEquals(
        data, call("eth_call", Map.of("to", s.forwarder().toHexString(), "input", data)).asText());
    JsonNode conflict =
        error(
            "eth_call",
            Map.of("to", s.store().toHexString(), "data", data, "input", "0x00"),
            "latest");
    assertEquals(-32602, conflict.get("code").asInt());
    JsonNode poor =
        error(
            "eth_call",
            Map.of(
                "from",
                "0x" + "77".repeat(20),
                "to",
                s.store().toHexString(),
                "data",
                data,
                "gasPrice",
                "0x3e8"),
            "latest");
    assertEquals(-32000, poor.get("code").asInt());
    assertTrue(poor.get("message").asText().contains("wei"), poor.toString());
  }

  @Test
  void callMayComeFromAContractAddress() throws Exception {
    // As in geth: EIP-3607 applies to signed transactions, not to simulated calls.
    String data = Bytes32.leftPad(Bytes.of(0x07)).toHexString();
    Map<String, String> fromContract = Map.of(
        "from", s.forwarder().toHexString(), "to", s.store().toHexString(), "data", data);
    assertEquals(data, call("eth_call", fromContract, "latest").asText());
  }

  @Test
  void estimateGasIsTheLeastThatSucceeds() throws Exception {
    String data = Bytes32.leftPad(Bytes.of(0x09)).toHexString();
    Map<String, String> request =
        Map.of(
            "from",
            RpcTestSupport.BOB.address().toHexString(),
            "to",
            s.forwarder().toHexString(),
            "data",
            data);
    long estimate = Long.decode(call("eth_estimateGas", request).asText());
    assertTrue(estimate > 21_000 + 5_000, "an SSTORE through a CALL: " + estimate);
    Map<String, String> exact = new java.util.HashMap<>(request);
    exact.put("gas", "0x" + Long.toHexString(estimate));
    assertEquals(data, call("eth_call", exact, "latest").asText());
    exact.put("gas", "0x" + Long.toHexString(estimate - 1));
    JsonNode less = s.fixture().client.request("eth_call", exact, "latest");
    assertTrue(
        less.has("error") || !less.get("result").asText().equals(data),
        "one gas less must not give the same successful result: " + less);
    assertEquals(
        "0x5208",
        call(
                "eth_estimateGas",
                Map.of(
                    "from",
                    RpcTestSupport.ALICE.address().toHexString(),
                    "to",
                    RpcTestSupport.BOB.address().toHexString(),
                    "value",
                    "0x1"))
            .asText());
    JsonNode poor =
        error(
            "eth_estimateGas",
            Map.of("to", RpcTestSupport.BOB.address().toHexString(), "value", "0x1"));
    assertEquals(-32000, poor.get("code").asInt());
    assertTrue(poor.get("message").asText().contains("has 0 wei"), poor.toString());
    JsonNode revert = error("eth_estimateGas", Map.of("to", s.store().toHexString()));
    assertEquals(3, revert.get("code").asInt());
    assertEquals("execution reverted: nope", revert.get("message").asText());
  }

  @Test
  void rawTransactionRejectionsAreSpecific() throws Exception {
    Transaction replay = s.legacy();
    JsonNode nonce = error("eth_sendRawTransaction", replay.encoded().toHexString());
    assertEquals(-32000, nonce.get("code").asInt());
    assertTrue(nonce.get("message").asText().contains("nonce too low"), nonce.toString());
    JsonNode garbage = error("eth_sendRawTransaction", "0x1234");
    assertEquals(-32000, garbage.get("code").asInt());
    JsonNode notHex = error("eth_sendRawTransaction", "0xzz");
    assertEquals(-32602, notHex.get("code").asInt());
    JsonNode missing = error("eth_sendRawTransaction");
    assertEquals(-32602, missing.get("code").asInt());
    assertTrue(missing.get("message").asText().contains("expects 1"), missing.toString());
  }

  @Test
  void invalidParamsNameTheProblem() throws Exception {
    JsonNode tag = error("eth_getBlockByNumber", "newest", false);
    assertEquals(-32602, tag.get("code").asInt());
    assertTrue(tag.get("message").asText().contains("newest"), tag.toString());
    JsonNode address = error("eth_getBalance", "0x1234", "latest");
    assertEquals(-32602, address.get("code").asInt());
    assertTrue(address.get("message").asText().contains("20 bytes"), address.toString());
    JsonNode flag = error("eth_getBlockByNumber", "0x1", "yes");
    assertEquals(-32602, flag.get("code").asInt());
    JsonNode big = error("eth_getBlockByNumber", "0x" + "f".repeat(70), false);
    assertEquals(-32602, big.get("code").asInt());
  }

  @Test
  void fees() throws Exception {
    assertEquals("0x3e8", call("eth_gasPrice").asText());
    assertEquals("0x3e8", call("eth_maxPriorityFeePerGas").asText());
    JsonNode history = call("eth_feeHistory", "0x2", "latest", List.of(25, 75));
    assertEquals("0x2", history.get("oldestBlock").asText());
    assertEquals(3, history.get("baseFeePerGas").size());
    assertEquals(2, history.get("gasUsedRatio").size());
    assertEquals(2, history.get("reward").size());
    assertEquals("0x2", history.get("reward").get(0).get(0).asText(), "25th: the EIP-1559 tip");
    assertEquals(
        "0x3e1", history.get("reward").get(0).get(1).asText(), "75th: legacy 1000 - base 7");
    assertEquals(-32602, error("eth_feeHistory", "0x0", "latest").get("code").asInt());
  }

  @Test
  void qbftValidators() throws Exception {
    String coinbase = "0x00000000000000000000000000000000000c0ffe";
    assertEquals(coinbase, call("qbft_getValidatorsByBlockNumber", "latest").get(0).asText());
    String hash = call("eth_getBlockByNumber", "0x1", false).get("hash").asText();
    assertEquals(coinbase, call("qbft_getValidatorsByBlockHash", hash).get(0).asText());
  }

  @Test
  void unknownBlockHashGivesNull() throws Exception {
    assertTrue(call("eth_getBlockByHash", "0x" + "00".repeat(32), false).isNull());
    assertTrue(call("eth_getBlockTransactionCountByHash", "0x" + "00".repeat(32)).isNull());
  }

  @Test
  void optionalFieldsFollowTheTransaction() throws Exception {
    Optional<JsonNode> none =
        Optional.ofNullable(
            call("eth_getTransactionByHash", s.deployment().hash().toHexString()).get("to"));
    assertTrue(none.orElseThrow().isNull());
  }
}
