package org.drr.node.execution;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.types.AccessListEntry;

/** The gas a transaction costs before any code runs. */
public final class IntrinsicGas {
  private IntrinsicGas() {}

  /**
   * 21000, plus 32000 for a creation, plus 4 per zero and 16 per non-zero data byte (EIP-2028),
   * plus 2400 per access-list address and 1900 per key (EIP-2930), plus 2 per init-code word for
   * a creation (EIP-3860).
   */
  public static long of(TransactionMessage tx) {
    long gas = GasCosts.TX;
    Bytes data = tx.data();
    int zeros = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i) == 0) {
        zeros++;
      }
    }
    gas += GasCosts.TX_DATA_ZERO * zeros + GasCosts.TX_DATA_NON_ZERO * (data.size() - zeros);
    if (tx.isContractCreation()) {
      gas += GasCosts.TX_CREATE + GasCosts.INIT_CODE_WORD * ((data.size() + 31L) / 32);
    }
    for (AccessListEntry e : tx.accessList()) {
      gas += GasCosts.ACCESS_LIST_ADDRESS + GasCosts.ACCESS_LIST_STORAGE_KEY * e.storageKeys().size();
    }
    return gas;
  }
}
