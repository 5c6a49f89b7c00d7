package org.drr.node.evm.precompile;

import java.util.ArrayList;
import java.util.List;
import org.drr.node.evm.precompile.bn254.G1Point;
import org.drr.node.evm.precompile.bn254.G2Point;
import org.drr.node.evm.precompile.bn254.Pairing;

/**
 * 0x08 bn254 pairing check (EIP-197, Byzantium). Input: k pairs of (G1, G2), 192 bytes each;
 * output: the 32-byte word 1 if the product of their pairings is 1 (also for k = 0), else 0. An
 * input length that is not a multiple of 192 or any invalid point fails the call.
 */
final class Bn254Pairing implements Precompile {
  static final int PAIR_SIZE = Bn254Codec.G1_SIZE + Bn254Codec.G2_SIZE;
  static final long BASE_GAS_BYZANTIUM = 100_000; // EIP-197
  static final long PAIR_GAS_BYZANTIUM = 80_000; // EIP-197
  static final long BASE_GAS_ISTANBUL = 45_000; // EIP-1108
  static final long PAIR_GAS_ISTANBUL = 34_000; // EIP-1108

  private final long baseGas;
  private final long pairGas;

  Bn254Pairing(long baseGas, long pairGas) {
    this.baseGas = baseGas;
    this.pairGas = pairGas;
  }

  @Override
  public long gasCost(byte[] input) {
    return baseGas + pairGas * (input.length / PAIR_SIZE);
  }

  @Override
  public byte[] run(byte[] input) {
    if (input.length % PAIR_SIZE != 0) {
      return null;
    }
    List<Pairing.Pair> pairs = new ArrayList<>(input.length / PAIR_SIZE);
    for (int offset = 0; offset < input.length; offset += PAIR_SIZE) {
      G1Point p = Bn254Codec.decodeG1(input, offset);
      G2Point q = Bn254Codec.decodeG2(input, offset + Bn254Codec.G1_SIZE);
      if (p == null || q == null) {
        return null;
      }
      pairs.add(new Pairing.Pair(p, q));
    }
    byte[] out = new byte[32];
    out[31] = (byte) (Pairing.isProductOne(pairs) ? 1 : 0);
    return out;
  }
}
