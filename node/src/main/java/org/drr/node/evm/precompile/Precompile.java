package org.drr.node.evm.precompile;

/**
 * A precompiled contract: a fixed address whose code is native. The EVM charges {@link #gasCost}
 * before calling {@link #run}; if the gas given to the call is less than the cost, the call fails
 * without running.
 *
 * <p>Implementations are stateless and thread-safe; they never modify {@code input}.
 */
public interface Precompile {
  /**
   * Gas this call costs for this input. May exceed any available gas for huge inputs; the result
   * saturates at {@link Long#MAX_VALUE} and never overflows.
   */
  long gasCost(byte[] input);

  /**
   * The output, or {@code null} when the input is invalid: the call then fails and consumes all
   * gas given to it. The returned array is fresh (callers may keep or modify it).
   */
  byte[] run(byte[] input);
}
