package org.drr.node.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import org.drr.node.evm.precompile.bn254.Fp;
import org.drr.node.evm.precompile.bn254.Fp2;
import org.drr.node.evm.precompile.bn254.G1Point;
import org.drr.node.evm.precompile.bn254.G2Point;

/**
 * The EVM encoding of bn254 values (EIP-196/197): field elements as 32-byte big-endian words, G1
 * as x‖y, G2 as x_im‖x_re‖y_im‖y_re, infinity as all zeros. Decoders return null for anything
 * invalid: a coordinate ≥ p, a point off its curve, a G2 point outside the order-r subgroup.
 */
final class Bn254Codec {
  static final int G1_SIZE = 64;
  static final int G2_SIZE = 128;

  private Bn254Codec() {}

  /** {@code input} truncated or right-padded with zeros to exactly {@code length} bytes. */
  static byte[] padded(byte[] input, int length) {
    return Arrays.copyOf(input, length);
  }

  static BigInteger word(byte[] data, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + 32));
  }

  static G1Point decodeG1(byte[] data, int offset) {
    G1Point point = new G1Point(word(data, offset), word(data, offset + 32));
    return point.isValid() ? point : null;
  }

  static G2Point decodeG2(byte[] data, int offset) {
    BigInteger xIm = word(data, offset);
    BigInteger xRe = word(data, offset + 32);
    BigInteger yIm = word(data, offset + 64);
    BigInteger yRe = word(data, offset + 96);
    if (!Fp.isCanonical(xIm) || !Fp.isCanonical(xRe)
        || !Fp.isCanonical(yIm) || !Fp.isCanonical(yRe)) {
      return null;
    }
    G2Point point = new G2Point(new Fp2(xRe, xIm), new Fp2(yRe, yIm));
    return point.isValid() ? point : null;
  }

  static byte[] encodeG1(G1Point point) {
    byte[] out = new byte[G1_SIZE];
    putWord(point.x(), out, 0);
    putWord(point.y(), out, 32);
    return out;
  }

  private static void putWord(BigInteger value, byte[] out, int offset) {
    byte[] bytes = value.toByteArray();
    // toByteArray may add a sign byte; canonical field elements fit in 32 bytes.
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
  }
}
