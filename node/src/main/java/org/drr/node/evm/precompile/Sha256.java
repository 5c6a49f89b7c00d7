package org.drr.node.evm.precompile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 0x02 SHA-256 of the input (Frontier; 60 + 12 per word). */
final class Sha256 implements Precompile {
  static final long BASE_GAS = 60;
  static final long WORD_GAS = 12;

  @Override
  public long gasCost(byte[] input) {
    return Gas.linear(BASE_GAS, WORD_GAS, input.length);
  }

  @Override
  public byte[] run(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest javadoc), so this is a broken JDK.
      throw new IllegalStateException("the JDK provides no SHA-256", e);
    }
  }
}
