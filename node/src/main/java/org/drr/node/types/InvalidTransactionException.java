package org.drr.node.types;

/**
 * A transaction that cannot be decoded or is not intrinsically valid. {@link #reason()} is the rule
 * it broke; the message carries the values involved.
 */
public final class InvalidTransactionException extends IllegalArgumentException {
  /** The rule a transaction broke, in roughly the order they are checked. */
  public enum Reason {
    /** Not well-formed RLP, a wrong field count, or a field of the wrong size or shape. */
    MALFORMED_RLP,
    /** Type 3 (blob) or an unknown type, or a type the fork does not know yet. */
    UNSUPPORTED_TYPE,
    /** The nonce does not fit 64 bits. */
    NONCE_OVERFLOW,
    /** The nonce is 2^64-1 (EIP-2681: the nonce must stay incrementable). */
    NONCE_TOO_BIG,
    /** The gas limit does not fit 64 bits. */
    GAS_LIMIT_OVERFLOW,
    /** The value does not fit 256 bits. */
    VALUE_OVERFLOW,
    /** A gas price or fee cap does not fit 256 bits. */
    FEE_OVERFLOW,
    /** v names no chain, or the wrong one (EIP-155), or the typed chainId differs. */
    INVALID_CHAIN_ID,
    /** r or s out of range, s above n/2 (EIP-2), a bad y-parity, or nothing recovers. */
    INVALID_SIGNATURE,
    /** maxPriorityFeePerGas above maxFeePerGas (EIP-1559). */
    PRIORITY_FEE_ABOVE_MAX_FEE,
    /** gasLimit × gas price (or fee cap) does not fit 256 bits. */
    GAS_LIMIT_PRICE_PRODUCT_OVERFLOW,
    /** The gas limit does not cover the intrinsic gas. */
    INTRINSIC_GAS_TOO_LOW,
    /** Contract-creation data longer than 49152 bytes (EIP-3860, from Shanghai). */
    INIT_CODE_TOO_LARGE
  }

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidTransactionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
