package org.drr.node.chain;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.execution.TransactionMessage;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionType;

/**
 * A signature-checked transaction with its recovered sender, as the pool keeps it and the block
 * builder consumes it.
 *
 * @param sequence arrival order in the pool (earlier first among equal fees)
 */
public record PendingTransaction(Transaction transaction, Address sender, long sequence) {
  /** The transaction's hash (the transaction keeps it once computed). */
  public Bytes32 hash() {
    return transaction.hash();
  }

  public long nonce() {
    return transaction.nonce();
  }

  /** The transaction as the processor executes it. */
  public TransactionMessage toMessage() {
    Transaction tx = transaction;
    boolean dynamic = tx.type() == TransactionType.EIP1559;
    BigInteger feeCap = tx.maxFeePerGas().toUnsignedBigInteger();
    return new TransactionMessage(
        tx.type(),
        sender,
        tx.to().orElse(null),
        tx.nonce(),
        tx.gasLimit(),
        tx.value().toUnsignedBigInteger(),
        tx.data(),
        dynamic ? null : feeCap,
        dynamic ? feeCap : null,
        dynamic ? tx.maxPriorityFeePerGas().toUnsignedBigInteger() : null,
        tx.accessList());
  }
}
