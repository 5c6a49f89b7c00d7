package org.drr.node.rpc;

/**
 * The node refused a transaction submitted with {@code eth_sendRawTransaction}. The message is
 * returned to the client as the JSON-RPC error message, so it must say what was wrong and carry the
 * values involved ("nonce too low: transaction 3, account 0x… has 5").
 */
public class TransactionRejectedException extends RuntimeException {
  private final String reason;

  /**
   * @param reason a stable machine-readable code (e.g. "NONCE_TOO_LOW", "REPLACEMENT_UNDERPRICED")
   * @param message the specific human-readable explanation
   */
  public TransactionRejectedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
