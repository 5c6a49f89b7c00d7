package org.drr.node.execution;

import org.drr.node.types.Address;
import org.drr.node.types.Receipt;

/**
 * The result of executing a valid transaction.
 *
 * @param receipt status, cumulative gas, logs and bloom
 * @param gasUsed gas charged for this transaction after refunds
 * @param output RETURN data of the call, or REVERT data
 * @param contractAddress the created contract for a successful creation, else null
 * @param failure why execution failed ("out of gas", "reverted", ...), or null on success
 */
public record TransactionOutcome(
    Receipt receipt, long gasUsed, byte[] output, Address contractAddress, String failure) {
  public boolean isSuccess() {
    return failure == null;
  }
}
