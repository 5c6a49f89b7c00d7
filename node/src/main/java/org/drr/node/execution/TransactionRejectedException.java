package org.drr.node.execution;

/**
 * A transaction the processor refuses to include against the current state and block (nonce
 * mismatch, sender with code, gas above the block limit, fee cap below the base fee, too little
 * balance, or an intrinsic rule it re-checks). The state is unchanged when this is thrown.
 * Decoding and signature problems are {@link org.drr.node.types.InvalidTransactionException}.
 */
public final class TransactionRejectedException extends Exception {
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

  public TransactionRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
