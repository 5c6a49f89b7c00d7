package org.drr.node.types;

/** A typed transaction or receipt whose type this ledger does not accept (e.g. 3, blobs). */
public final class UnsupportedTransactionTypeException extends IllegalArgumentException {
  private final int type;

  public UnsupportedTransactionTypeException(int type) {
    super(
        switch (type) {
          case 3 -> "transaction type 3 (EIP-4844 blob) is not supported by this ledger";
          case 4 -> "transaction type 4 (EIP-7702 set-code) is not supported by this ledger";
          default ->
              String.format(
                  "transaction type 0x%02x is not supported (accepted: a legacy RLP list, 0x01,"
                      + " 0x02)",
                  type);
        });
    this.type = type;
  }

  public int type() {
    return type;
  }
}
