package org.drr.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.types.AccessListEntry;
import org.drr.node.types.Address;
import org.drr.node.types.LegacyTransaction;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionType;

/**
 * A transaction as {@code eth_getTransactionByHash} returns it, in geth's shape: {@code type},
 * {@code chainId}, {@code v/r/s} and, for typed transactions, {@code yParity} and {@code
 * accessList}; EIP-1559 transactions add the fee caps and report the effective price as {@code
 * gasPrice} once mined.
 */
public final class TransactionJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TransactionJson() {}

  /** Where a transaction is mined; absent for a pending one. */
  public record Inclusion(
      Bytes32 blockHash,
      long blockNumber,
      long blockTimestamp,
      int index,
      Optional<UInt256> baseFee) {}

  public static ObjectNode of(Transaction tx, Address sender, Optional<Inclusion> inclusion) {
    ObjectNode node = JSON.objectNode();
    if (inclusion.isPresent()) {
      Inclusion at = inclusion.get();
      node.put("blockHash", at.blockHash().toHexString());
      node.put("blockNumber", Hex.quantity(at.blockNumber()));
      node.put("blockTimestamp", Hex.quantity(at.blockTimestamp()));
      node.put("transactionIndex", Hex.quantity(at.index()));
    } else {
      node.putNull("blockHash");
      node.putNull("blockNumber");
      node.putNull("transactionIndex");
    }
    node.put("from", sender.toHexString());
    node.put("gas", Hex.quantity(tx.gasLimit()));
    node.put("gasPrice", Hex.quantity(reportedGasPrice(tx, inclusion)));
    if (tx.type() == TransactionType.EIP1559) {
      node.put("maxFeePerGas", Hex.quantity(tx.maxFeePerGas()));
      node.put("maxPriorityFeePerGas", Hex.quantity(tx.maxPriorityFeePerGas()));
    }
    node.put("hash", tx.hash().toHexString());
    node.put("input", tx.data().toHexString());
    node.put("nonce", Hex.quantity(tx.nonce()));
    if (tx.to().isPresent()) {
      node.put("to", tx.to().get().toHexString());
    } else {
      node.putNull("to");
    }
    node.put("value", Hex.quantity(tx.value()));
    node.put("type", Hex.quantity(tx.type().code()));
    if (tx.type() != TransactionType.LEGACY) {
      node.set("accessList", accessList(tx.accessList()));
    }
    tx.chainId().ifPresent(id -> node.put("chainId", Hex.quantity(id)));
    long v = tx instanceof LegacyTransaction legacy ? legacy.v() : tx.signature().recoveryId();
    node.put("v", Hex.quantity(v));
    node.put("r", Hex.quantity(tx.signature().r()));
    node.put("s", Hex.quantity(tx.signature().s()));
    if (tx.type() != TransactionType.LEGACY) {
      node.put("yParity", Hex.quantity(tx.signature().recoveryId()));
    }
    return node;
  }

  /** geth reports the price paid for mined EIP-1559 transactions, the fee cap for pending ones. */
  private static UInt256 reportedGasPrice(Transaction tx, Optional<Inclusion> inclusion) {
    if (tx.type() == TransactionType.EIP1559 && inclusion.isPresent()) {
      return tx.effectiveGasPrice(inclusion.get().baseFee().orElse(UInt256.ZERO));
    }
    return tx.maxFeePerGas();
  }

  public static ArrayNode accessList(List<AccessListEntry> entries) {
    ArrayNode list = JSON.arrayNode();
    for (AccessListEntry entry : entries) {
      ObjectNode item = list.addObject();
      item.put("address", entry.address().toHexString());
      ArrayNode keys = item.putArray("storageKeys");
      entry.storageKeys().forEach(key -> keys.add(key.toHexString()));
    }
    return list;
  }
}
