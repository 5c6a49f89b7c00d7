package org.drr.node.evm.precompile;

/** 0x04 identity: returns its input (Frontier; 15 + 3 per word). */
final class Identity implements Precompile {
  static final long BASE_GAS = 15;
  static final long WORD_GAS = 3;

  @Override
  public long gasCost(byte[] input) {
    return Gas.linear(BASE_GAS, WORD_GAS, input.length);
  }

  @Override
  public byte[] run(byte[] input) {
    return input.clone();
  }
}
