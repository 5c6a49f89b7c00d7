package org.drr.node.types;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.fork.Fork;

/**
 * The gas a transaction costs before any code runs, per fork. Each price names its EIP so the rule
 * can be traced; the processor charges exactly this amount up front.
 */
public final class IntrinsicGas {
  public static final long TX_BASE = 21_000;
  public static final long TX_CREATE = 32_000; // Homestead (EIP-2)
  public static final long TX_DATA_ZERO = 4;
  public static final long TX_DATA_NON_ZERO_FRONTIER = 68;
  public static final long TX_DATA_NON_ZERO_ISTANBUL = 16; // EIP-2028
  public static final long ACCESS_LIST_ADDRESS = 2_400; // EIP-2930
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900; // EIP-2930
  public static final long INIT_CODE_WORD = 2; // EIP-3860
  public static final int MAX_CODE_SIZE = 24_576; // EIP-170
  public static final int MAX_INIT_CODE_SIZE = 2 * MAX_CODE_SIZE; // EIP-3860

  private IntrinsicGas() {}

  /** Intrinsic gas of {@code tx} under {@code fork}. Never overflows for real inputs. */
  public static long of(Transaction tx, Fork fork) {
    return of(tx.data(), tx.isContractCreation(), tx.accessList(), fork);
  }

  public static long of(Bytes data, boolean creation, List<AccessListEntry> accessList, Fork fork) {
    long gas = TX_BASE;
    if (creation && fork.isAtLeast(Fork.HOMESTEAD)) {
      gas += TX_CREATE;
    }
    int zeros = 0;
    int size = data.size();
    for (int i = 0; i < size; i++) {
      if (data.get(i) == 0) {
        zeros++;
      }
    }
    long nonZeroPrice =
        fork.isAtLeast(Fork.ISTANBUL) ? TX_DATA_NON_ZERO_ISTANBUL : TX_DATA_NON_ZERO_FRONTIER;
    gas += zeros * TX_DATA_ZERO + (long) (size - zeros) * nonZeroPrice;
    for (AccessListEntry entry : accessList) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * entry.storageKeys().size();
    }
    if (creation && fork.isAtLeast(Fork.SHANGHAI)) {
      gas += INIT_CODE_WORD * ((size + 31L) / 32);
    }
    return gas;
  }
}
