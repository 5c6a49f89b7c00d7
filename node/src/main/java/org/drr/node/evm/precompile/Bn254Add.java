package org.drr.node.evm.precompile;

import org.drr.node.evm.precompile.bn254.G1Point;

/**
 * 0x06 bn254 point addition (EIP-196, Byzantium). Input: two G1 points, right-padded or cut to
 * 128 bytes; output: their sum, 64 bytes. Invalid points fail the call.
 */
final class Bn254Add implements Precompile {
  static final long GAS_BYZANTIUM = 500; // EIP-196
  static final long GAS_ISTANBUL = 150; // EIP-1108

  private final long gas;

  Bn254Add(long gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas;
  }

  @Override
  public byte[] run(byte[] input) {
    byte[] data = Bn254Codec.padded(input, 2 * Bn254Codec.G1_SIZE);
    G1Point a = Bn254Codec.decodeG1(data, 0);
    G1Point b = Bn254Codec.decodeG1(data, Bn254Codec.G1_SIZE);
    if (a == null || b == null) {
      return null;
    }
    return Bn254Codec.encodeG1(a.add(b));
  }
}
