package org.drr.node.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.trie.NodeStore;
import org.drr.node.types.AccessListEntry;
import org.drr.node.types.Address;
import org.drr.node.types.TransactionType;

/**
 * One GeneralStateTests test, parsed once: its pre-state, block environment and the transaction
 * template whose {@code data/gas/value} arrays the post entries index into.
 */
final class StateTestFixture {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  record PreAccount(
      Address address, long nonce, BigInteger balance, byte[] code, Map<Word256, Word256> slots) {}

  /** A post entry's transaction could not even be formed (a field out of range). */
  static final class MalformedTransaction extends Exception {
    MalformedTransaction(String message) {
      super(message);
    }
  }

  final List<PreAccount> pre = new ArrayList<>();
  final BlockEnvironment block;
  private final JsonNode tx;

  StateTestFixture(JsonNode test) {
    test.get("pre")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode a = e.getValue();
              Map<Word256, Word256> slots = new HashMap<>();
              a.get("storage")
                  .fields()
                  .forEachRemaining(
                      s ->
                          slots.put(
                              Word256.fromHex(s.getKey()), Word256.fromHex(s.getValue().asText())));
              pre.add(
                  new PreAccount(
                      Address.fromHexString(e.getKey()),
                      quantity(a.get("nonce")).longValue(),
                      quantity(a.get("balance")),
                      bytes(a.get("code")).toArray(),
                      slots));
            });
    JsonNode env = test.get("env");
    BigInteger excessBlobGas =
        env.has("currentExcessBlobGas") ? quantity(env.get("currentExcessBlobGas")) : BigInteger.ZERO;
    block =
        new BlockEnvironment(
            Address.fromHexString(env.get("currentCoinbase").asText()),
            quantity(env.get("currentNumber")).longValueExact(),
            quantity(env.get("currentTimestamp")).longValueExact(),
            quantity(env.get("currentGasLimit")).longValueExact(),
            env.has("currentBaseFee") ? quantity(env.get("currentBaseFee")) : BigInteger.ZERO,
            env.has("currentRandom")
                ? Word256.fromHex(env.get("currentRandom").asText())
                : Word256.fromHex(env.get("currentDifficulty").asText()),
            1,
            blobBaseFee(excessBlobGas),
            // The reference tests define the hash of block n as keccak256 of n in decimal.
            n -> Word256.fromBytes(Keccak256.hash(Bytes.wrap(Long.toString(n).getBytes())).toArray()));
    this.tx = test.get("transaction");
  }

  boolean isBlobTransaction() {
    return tx.has("blobVersionedHashes");
  }

  /**
   * Commits the pre-state to a trie in {@code store} and returns a world state that loads it
   * back lazily from there, as a node's state does.
   */
  WorldState storedPreState(NodeStore store) {
    WorldState genesis = new WorldState(store, MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    for (PreAccount a : pre) {
      genesis.putCommitted(a.address(), a.nonce(), a.balance(), a.code(), a.slots());
    }
    return new WorldState(store, genesis.commit());
  }

  /** The transaction of a post entry; the type comes from the entry's txbytes when present. */
  TransactionMessage transaction(int d, int g, int v, String txBytes) throws MalformedTransaction {
    TransactionType type;
    if (txBytes != null && txBytes.length() >= 4) {
      int first = Integer.parseInt(txBytes.substring(2, 4), 16);
      type = first >= 0xc0 ? TransactionType.LEGACY : TransactionType.fromCode(first);
    } else if (tx.has("maxFeePerGas")) {
      type = TransactionType.EIP1559;
    } else if (tx.has("accessLists")) {
      type = TransactionType.ACCESS_LIST;
    } else {
      type = TransactionType.LEGACY;
    }
    BigInteger nonce = quantity(tx.get("nonce"));
    BigInteger gasLimit = quantity(tx.get("gasLimit").get(g));
    if (nonce.compareTo(TWO_64) >= 0) {
      throw new MalformedTransaction("nonce " + nonce + " does not fit 64 bits");
    }
    if (gasLimit.compareTo(TWO_64) >= 0 || gasLimit.bitLength() > 63) {
      throw new MalformedTransaction("gas limit " + gasLimit + " does not fit 63 bits");
    }
    String to = tx.get("to").asText();
    List<AccessListEntry> accessList = new ArrayList<>();
    JsonNode lists = tx.get("accessLists");
    if (lists != null && lists.get(d) != null && !lists.get(d).isNull()) {
      for (JsonNode entry : lists.get(d)) {
        List<Bytes32> keys = new ArrayList<>();
        for (JsonNode k : entry.get("storageKeys")) {
          keys.add(Bytes32.fromHexStringLenient(k.asText()));
        }
        accessList.add(
            new AccessListEntry(Address.fromHexString(entry.get("address").asText()), keys));
      }
    }
    boolean dynamicFee = type == TransactionType.EIP1559;
    return new TransactionMessage(
        type,
        Address.fromHexString(tx.get("sender").asText()),
        to.isEmpty() ? null : Address.fromHexString(to),
        nonce.longValue(),
        gasLimit.longValue(),
        quantity(tx.get("value").get(v)),
        bytes(tx.get("data").get(d)),
        dynamicFee ? null : quantity(tx.get("gasPrice")),
        dynamicFee ? quantity(tx.get("maxFeePerGas")) : null,
        dynamicFee ? quantity(tx.get("maxPriorityFeePerGas")) : null,
        accessList);
  }

  static BigInteger quantity(JsonNode n) {
    String s = n.asText();
    if (s.startsWith("0x:bigint ")) {
      // The fillers' notation for a value deliberately wider than 256 bits.
      s = s.substring("0x:bigint ".length());
    }
    if (s.startsWith("0x") || s.startsWith("0X")) {
      String hex = s.substring(2);
      return hex.isEmpty() ? BigInteger.ZERO : new BigInteger(hex, 16);
    }
    return new BigInteger(s);
  }

  static Bytes bytes(JsonNode n) {
    String s = n.asText();
    return s.equals("0x") || s.isEmpty() ? Bytes.EMPTY : Bytes.fromHexString(s);
  }

  /** EIP-4844 fake_exponential(1, excessBlobGas, 3338477). */
  static BigInteger blobBaseFee(BigInteger excess) {
    BigInteger denominator = BigInteger.valueOf(3338477);
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = denominator; // factor 1 * denominator
    int i = 1;
    while (accumulator.signum() > 0) {
      output = output.add(accumulator);
      accumulator = accumulator.multiply(excess).divide(denominator.multiply(BigInteger.valueOf(i)));
      i++;
    }
    return output.divide(denominator);
  }
}
