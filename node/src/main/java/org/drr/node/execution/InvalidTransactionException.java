package org.drr.node.execution;

/**
 * A transaction that cannot be included in a block (bad nonce, too little gas or balance, fee
 * cap below the base fee, ...). The state is unchanged when this is thrown.
 */
public final class InvalidTransactionException extends Exception {
  /** Why the transaction is invalid; the names follow the reference tests' exception names. */
  public enum Reason {
    NONCE_TOO_LOW,
    NONCE_TOO_HIGH,
    NONCE_IS_MAX,
    SENDER_NOT_EOA,
    GAS_LIMIT_EXCEEDS_BLOCK,
    INTRINSIC_GAS_TOO_LOW,
    INIT_CODE_SIZE_EXCEEDED,
    FEE_CAP_BELOW_BASE_FEE,
    PRIORITY_FEE_ABOVE_FEE_CAP,
    INSUFFICIENT_FUNDS,
    VALUE_OUT_OF_RANGE,
    UNSUPPORTED_TYPE
  }

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
