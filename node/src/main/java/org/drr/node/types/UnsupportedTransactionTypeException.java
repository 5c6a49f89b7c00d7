package org.drr.node.types;

/** A typed transaction or receipt whose type this ledger does not accept (e.g. 3, blobs). */
public final class UnsupportedTransactionTypeException extends IllegalArgumentException {
  private final int type;

  public UnsupportedTransactionTypeException(int type) {
    super(
        type == 3
            ? "transaction type 3 (EIP-4844 blob) is not supported by this ledger"
            : String.format("transaction type 0x%02x is not supported (accepted: 0, 1, 2)", type));
    this.type = type;
  }

  public int type() {
    return type;
  }
}
