package org.drr.node.execution;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.types.AccessListEntry;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionType;

/**
 * A transaction as the processor executes it: signature already checked and the sender
 * recovered. Fee fields not used by the type are null (legacy and EIP-2930 use {@code gasPrice};
 * EIP-1559 uses {@code maxFeePerGas} and {@code maxPriorityFeePerGas}).
 *
 * @param to the callee, or null for contract creation
 * @param nonce read as an unsigned 64-bit value
 * @param accessList EIP-2930 entries (empty for legacy)
 */
public record TransactionMessage(
    TransactionType type,
    Address sender,
    Address to,
    long nonce,
    long gasLimit,
    BigInteger value,
    Bytes data,
    BigInteger gasPrice,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    List<AccessListEntry> accessList) {

  /** The message of a decoded transaction whose signature recovered {@code sender}. */
  public static TransactionMessage of(Transaction tx, Address sender) {
    boolean dynamicFee = tx.type() == TransactionType.EIP1559;
    return new TransactionMessage(
        tx.type(),
        sender,
        tx.to().orElse(null),
        tx.nonce(),
        tx.gasLimit(),
        tx.value().toBigInteger(),
        tx.data(),
        dynamicFee ? null : tx.maxFeePerGas().toBigInteger(),
        dynamicFee ? tx.maxFeePerGas().toBigInteger() : null,
        dynamicFee ? tx.maxPriorityFeePerGas().toBigInteger() : null,
        tx.accessList());
  }

  public boolean isContractCreation() {
    return to == null;
  }

  /** The most the sender may pay per gas: gasPrice, or maxFeePerGas for EIP-1559. */
  public BigInteger feeCap() {
    return type == TransactionType.EIP1559 ? maxFeePerGas : gasPrice;
  }

  /** The most the sender tips per gas: gasPrice, or maxPriorityFeePerGas for EIP-1559. */
  public BigInteger tipCap() {
    return type == TransactionType.EIP1559 ? maxPriorityFeePerGas : gasPrice;
  }
}
