package org.drr.node.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * 0x03 RIPEMD-160 of the input, left-padded with zeros to 32 bytes (Frontier; 600 + 120 per
 * word).
 */
final class Ripemd160 implements Precompile {
  static final long BASE_GAS = 600;
  static final long WORD_GAS = 120;

  @Override
  public long gasCost(byte[] input) {
    return Gas.linear(BASE_GAS, WORD_GAS, input.length);
  }

  @Override
  public byte[] run(byte[] input) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 12);
    return out;
  }
}
