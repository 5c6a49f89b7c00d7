package org.drr.node.types;

/**
 * The EIP-2718 transaction types this ledger accepts. Blob transactions (type 3, EIP-4844) and
 * later types are deliberately absent: a permissioned registry has no blob data.
 */
public enum TransactionType {
  LEGACY(0),
  ACCESS_LIST(1), // EIP-2930
  EIP1559(2); // EIP-1559

  private final int code;

  TransactionType(int code) {
    this.code = code;
  }

  /** The envelope type byte (0 for legacy, which has no envelope). */
  public int code() {
    return code;
  }

  /**
   * @throws UnsupportedTransactionTypeException for 3 (blob) and any other unknown type
   */
  public static TransactionType fromCode(int code) {
    return switch (code) {
      case 0 -> LEGACY;
      case 1 -> ACCESS_LIST;
      case 2 -> EIP1559;
      default -> throw new UnsupportedTransactionTypeException(code);
    };
  }
}
