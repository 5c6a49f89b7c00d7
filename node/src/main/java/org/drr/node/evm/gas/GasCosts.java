package org.drr.node.evm.gas;

/**
 * Gas prices as named constants, each with the EIP (or Yellow Paper tier) that set its current
 * value. The opcode table and the handlers take their prices from here.
 */
public final class GasCosts {
  private GasCosts() {}

  // Yellow Paper tiers.
  public static final long ZERO = 0;
  public static final long JUMPDEST = 1;
  public static final long BASE = 2;
  public static final long VERY_LOW = 3;
  public static final long LOW = 5;
  public static final long MID = 8;
  public static final long HIGH = 10;

  public static final long EXP = 10;
  public static final long EXP_BYTE = 50; // EIP-160
  public static final long KECCAK256 = 30;
  public static final long KECCAK256_WORD = 6;
  public static final long COPY_WORD = 3;
  public static final long MEMORY_WORD = 3;
  public static final long QUADRATIC_MEMORY_DENOMINATOR = 512;
  public static final long BLOCKHASH = 20;

  public static final long LOG = 375;
  public static final long LOG_TOPIC = 375;
  public static final long LOG_DATA_BYTE = 8;

  // EIP-2929: state access.
  public static final long WARM_STORAGE_READ = 100;
  public static final long COLD_SLOAD = 2100;
  public static final long COLD_ACCOUNT_ACCESS = 2600;
  /** Charged on top of the warm price when the account is cold. */
  public static final long COLD_ACCOUNT_ACCESS_SURCHARGE = COLD_ACCOUNT_ACCESS - WARM_STORAGE_READ;

  // EIP-2200 with EIP-2929 pricing and EIP-3529 refunds.
  public static final long SSTORE_SET = 20000;
  public static final long SSTORE_RESET = 5000 - COLD_SLOAD;
  public static final long SSTORE_SENTRY = 2300;
  public static final long SSTORE_CLEARS_SCHEDULE = SSTORE_RESET + 1900; // EIP-3529: 4800

  public static final long TLOAD = 100; // EIP-1153
  public static final long TSTORE = 100; // EIP-1153
  public static final long BLOBHASH = 3; // EIP-4844
  public static final long BLOBBASEFEE = 2; // EIP-7516
  public static final long MCOPY = 3; // EIP-5656, plus COPY_WORD per word

  // Calls and creation.
  public static final long CALL_VALUE = 9000;
  public static final long CALL_STIPEND = 2300;
  public static final long NEW_ACCOUNT = 25000;
  public static final long CREATE = 32000;
  public static final long CODE_DEPOSIT_BYTE = 200;
  public static final long INIT_CODE_WORD = 2; // EIP-3860
  public static final long SELFDESTRUCT = 5000; // EIP-150
  public static final int MAX_CODE_SIZE = 24576; // EIP-170
  public static final int MAX_INIT_CODE_SIZE = 2 * MAX_CODE_SIZE; // EIP-3860
  public static final int MAX_CALL_DEPTH = 1024;

  // Transactions (intrinsic gas is org.drr.node.types.IntrinsicGas).
  public static final long MAX_REFUND_QUOTIENT = 5; // EIP-3529
}
