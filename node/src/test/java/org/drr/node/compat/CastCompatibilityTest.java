package org.drr.node.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import org.drr.contracts.DevAccounts;
import org.drr.node.rpc.RpcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Foundry's {@code cast} (npm {@code @foundry-rs/cast}, pinned) against a real node on loopback:
 * chain id, block number, latest block, balance, a contract created and called by
 * {@code cast send --private-key}, a raw transaction signed elsewhere and published by
 * {@code cast publish}, its receipt, {@code cast call} and {@code cast logs}; each checked against
 * what the node reports over plain JSON-RPC.
 */
class CastCompatibilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Runtime: stores nothing; logs (0xaa, word 0 of calldata) and returns that word. */
  private static final String RUNTIME = "60003580600052" + "60aa60006000a2" + "60206000f3";
  private static final String INIT = "0x6013600c60003960136000f3" + RUNTIME;
  private static final String WORD =
      "0x00000000000000000000000000000000000000000000000000000000000004d2";

  @TempDir Path dir;

  @Test
  void castReadsAndWritesThroughTheNode() throws Exception {
    try (CompatNode node = CompatNode.start(dir)) {
      Cast cast = new Cast(node.rpcUrl());
      RpcClient rpc = new RpcClient(node.rpcPort());
      Credentials alice = DevAccounts.account(1);
      String key = Numeric.toHexStringWithPrefixZeroPadded(alice.getEcKeyPair().getPrivateKey(), 64);

      assertEquals(Long.toString(CompatNode.CHAIN_ID), cast.run("chain-id"));
      assertEquals(CompatNode.DEV_BALANCE, cast.run("balance", alice.getAddress()));

      JsonNode created = JSON.readTree(
          cast.run("send", "--private-key", key, "--json", "--create", INIT));
      assertEquals("0x1", field(created, "status"), "creation receipt " + created);
      String contract = field(created, "contractAddress");
      assertEquals("0x" + RUNTIME, cast.run("code", contract));

      JsonNode called = JSON.readTree(
          cast.run("send", "--private-key", key, "--json", contract, WORD));
      assertEquals("0x1", field(called, "status"), "call receipt " + called);
      assertEquals(1, called.get("logs").size());

      // A raw legacy transaction signed here, published by cast.
      BigInteger nonce = new BigInteger(cast.run("nonce", alice.getAddress()));
      RawTransaction tx = RawTransaction.createTransaction(nonce, BigInteger.ZERO,
          BigInteger.valueOf(100_000), contract, BigInteger.ZERO, WORD);
      String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, CompatNode.CHAIN_ID, alice));
      // cast publish waits for and prints the receipt.
      String hash = field(JSON.readTree(cast.run("publish", raw)), "transactionHash");
      JsonNode receipt = JSON.readTree(cast.run("receipt", "--json", hash));
      assertEquals("0x1", field(receipt, "status"));
      assertEquals(rpc.call("eth_getTransactionReceipt", hash).get("blockHash").asText(),
          field(receipt, "blockHash"));

      JsonNode latest = JSON.readTree(cast.run("block", "latest", "--json"));
      JsonNode nodeLatest = rpc.call("eth_getBlockByNumber", "latest", false);
      long castNumber = Long.decode(field(latest, "number"));
      long blockNumber = Long.parseLong(cast.run("block-number"));
      assertTrue(blockNumber >= castNumber);
      assertTrue(Long.decode(field(nodeLatest, "number")) >= castNumber);
      JsonNode sameBlock = rpc.call("eth_getBlockByNumber", field(latest, "number"), false);
      assertEquals(field(sameBlock, "hash"), field(latest, "hash"));
      assertEquals(field(sameBlock, "stateRoot"), field(latest, "stateRoot"));

      assertEquals(WORD, cast.run("call", contract, WORD));

      JsonNode logs = JSON.readTree(cast.run("logs", "--json", "--from-block", "0",
          "--to-block", "latest", "--address", contract));
      assertEquals(2, logs.size(), "two calls, one log each: " + logs);
      for (JsonNode log : logs) {
        assertEquals("0x" + "0".repeat(62) + "aa", log.get("topics").get(0).asText());
        assertEquals(WORD, log.get("topics").get(1).asText());
      }
      assertEquals(hash, logs.get(1).get("transactionHash").asText());
      BigInteger spent = new BigInteger(CompatNode.DEV_BALANCE)
          .subtract(new BigInteger(cast.run("balance", alice.getAddress())));
      assertTrue(spent.signum() >= 0, "zero-base-fee chain: spent " + spent);
    }
  }

  /** A field of cast's or the node's JSON, as text; fails naming the whole object if absent. */
  private static String field(JsonNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null) {
      throw new AssertionError("no " + name + " in " + object);
    }
    return value.asText();
  }
}
