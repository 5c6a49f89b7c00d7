package org.drr.node.evm;

import org.drr.node.types.Address;

/**
 * The outcome of a message call or creation.
 *
 * @param status a terminal {@link Status}
 * @param gasLeft gas returned to the caller (0 after an exceptional halt)
 * @param output RETURN or REVERT data (for a successful creation: empty)
 * @param createdAddress the new contract's address for a successful creation, else null
 */
public record MessageResult(int status, long gasLeft, byte[] output, Address createdAddress) {
  public boolean isSuccess() {
    return Status.isSuccess(status);
  }

  static MessageResult failure(int status, long gasLeft) {
    return new MessageResult(status, gasLeft, Memory.EMPTY, null);
  }
}
