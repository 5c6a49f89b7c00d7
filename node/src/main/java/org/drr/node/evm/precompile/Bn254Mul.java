package org.drr.node.evm.precompile;

import org.drr.node.evm.precompile.bn254.G1Point;

/**
 * 0x07 bn254 scalar multiplication (EIP-196, Byzantium). Input: a G1 point and a 32-byte
 * unsigned scalar, right-padded or cut to 96 bytes; output: the product, 64 bytes. The scalar is
 * not reduced first; since G1 has order r the result is the same.
 */
final class Bn254Mul implements Precompile {
  static final long GAS_BYZANTIUM = 40_000; // EIP-196
  static final long GAS_ISTANBUL = 6_000; // EIP-1108

  private final long gas;

  Bn254Mul(long gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas;
  }

  @Override
  public byte[] run(byte[] input) {
    byte[] data = Bn254Codec.padded(input, Bn254Codec.G1_SIZE + 32);
    G1Point point = Bn254Codec.decodeG1(data, 0);
    if (point == null) {
      return null;
    }
    return Bn254Codec.encodeG1(point.multiply(Bn254Codec.word(data, Bn254Codec.G1_SIZE)));
  }
}
