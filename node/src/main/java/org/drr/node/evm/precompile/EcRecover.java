package org.drr.node.evm.precompile;

import java.util.Arrays;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Secp256k1;
import org.drr.node.crypto.Signature;
import org.drr.node.types.Address;

/**
 * 0x01 ecrecover (Frontier, 3000 gas). Input, right-padded or cut to 128 bytes: hash ‖ v ‖ r ‖ s,
 * each a 32-byte word. Output: the signer's address left-padded to 32 bytes, or empty output
 * (the call still succeeds) when v is not exactly 27 or 28, r or s is outside [1, n-1], or no
 * key recovers. High s is accepted: EIP-2's low-s rule is for transactions only.
 */
final class EcRecover implements Precompile {
  static final long GAS = 3_000;
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) {
    byte[] data = Arrays.copyOf(input, 128);
    for (int i = 32; i < 63; i++) {
      if (data[i] != 0) {
        return EMPTY;
      }
    }
    int v = data[63] & 0xff;
    if (v != 27 && v != 28) {
      return EMPTY;
    }
    Signature signature = Signature.of(
        Bytes32.wrap(data, 64), Bytes32.wrap(data, 96), v - 27);
    Optional<Address> signer =
        Secp256k1.recoverAddress(Bytes32.wrap(data, 0), signature);
    if (signer.isEmpty()) {
      return EMPTY;
    }
    byte[] out = new byte[32];
    System.arraycopy(signer.get().bytes().toArrayUnsafe(), 0, out, 12, Address.SIZE);
    return out;
  }
}
