package org.drr.node.chain;

/**
 * The pool refused a transaction. {@link #getMessage()} starts with the wording Ethereum clients
 * and tools recognise ("nonce too low", "replacement transaction underpriced", "transaction pool
 * is full", …) followed by the values involved.
 */
public final class TransactionRejectedException extends RuntimeException {
  /** Why; each reason's {@link #text} is the conventional message prefix. */
  public enum Reason {
    MALFORMED("invalid transaction"),
    INVALID_SENDER("invalid sender"),
    WRONG_CHAIN_ID("invalid chain id"),
    ALREADY_KNOWN("already known"),
    NONCE_TOO_LOW("nonce too low"),
    NONCE_TOO_FAR("nonce too far in future"),
    REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
    POOL_FULL("transaction pool is full"),
    UNDERPRICED("transaction underpriced"),
    FEE_CAP_BELOW_BASE_FEE("max fee per gas less than block base fee"),
    GAS_LIMIT_EXCEEDED("exceeds block gas limit"),
    INTRINSIC_GAS("intrinsic gas too low"),
    OVERSIZED("oversized data"),
    INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
    NOT_PERMITTED("sender is not an active participant");

    public final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final Reason reason;

  public TransactionRejectedException(Reason reason, String details) {
    super(details == null || details.isEmpty() ? reason.text : reason.text + ": " + details);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
