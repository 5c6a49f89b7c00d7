package org.drr.node.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * 0x05 modular exponentiation (EIP-198, Byzantium). Input: three 32-byte big-endian lengths
 * {@code Bsize, Esize, Msize}, then B, E and M of those lengths; missing bytes read as zero.
 * Output: {@code B^E mod M} left-padded to {@code Msize} bytes (zeros when M is 0).
 *
 * <p>The lengths may be up to 2^256 - 1, so the price is computed in {@link BigInteger} and
 * saturated; an input whose lengths are too large to hold in memory always costs more gas than
 * any block holds, except when both B and M are empty, which costs the floor and returns nothing.
 */
final class ModExp implements Precompile {
  /** EIP-198: the quadratic complexity divided by this is the price (Byzantium to Muir Glacier). */
  static final long GQUAD_DIVISOR_EIP198 = 20;
  /** EIP-2565: cheaper divisor from Berlin. */
  static final long GQUAD_DIVISOR_EIP2565 = 3;
  /** EIP-2565: minimum price from Berlin. */
  static final long MIN_GAS_EIP2565 = 200;

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger INT_LIMIT = BigInteger.valueOf(Integer.MAX_VALUE - 8);

  private final boolean eip2565;

  /** @param eip2565 price by EIP-2565 (Berlin and later) rather than EIP-198 */
  ModExp(boolean eip2565) {
    this.eip2565 = eip2565;
  }

  @Override
  public long gasCost(byte[] input) {
    BigInteger baseLength = word(input, 0);
    BigInteger expLength = word(input, 32);
    BigInteger modLength = word(input, 64);
    BigInteger maxLength = baseLength.max(modLength);
    BigInteger iterations = adjustedExponentLength(input, baseLength, expLength).max(BigInteger.ONE);
    BigInteger gas;
    if (eip2565) {
      BigInteger words = maxLength.add(BigInteger.valueOf(7)).shiftRight(3);
      gas = words.multiply(words).multiply(iterations)
          .divide(BigInteger.valueOf(GQUAD_DIVISOR_EIP2565))
          .max(BigInteger.valueOf(MIN_GAS_EIP2565));
    } else {
      gas = eip198Complexity(maxLength).multiply(iterations)
          .divide(BigInteger.valueOf(GQUAD_DIVISOR_EIP198));
    }
    return gas.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : gas.longValue();
  }

  @Override
  public byte[] run(byte[] input) {
    BigInteger baseLengthWord = word(input, 0);
    BigInteger expLengthWord = word(input, 32);
    BigInteger modLengthWord = word(input, 64);
    if (modLengthWord.signum() == 0) {
      return new byte[0];
    }
    if (baseLengthWord.compareTo(INT_LIMIT) > 0
        || expLengthWord.compareTo(INT_LIMIT) > 0
        || modLengthWord.compareTo(INT_LIMIT) > 0) {
      // Unreachable through the EVM: gasCost for such lengths exceeds any gas limit.
      return null;
    }
    int baseLength = baseLengthWord.intValue();
    int expLength = expLengthWord.intValue();
    int modLength = modLengthWord.intValue();
    long offset = 96;
    BigInteger base = unsigned(input, offset, baseLength);
    offset += baseLength;
    BigInteger exponent = unsigned(input, offset, expLength);
    offset += expLength;
    BigInteger modulus = unsigned(input, offset, modLength);
    byte[] out = new byte[modLength];
    if (modulus.signum() == 0) {
      return out;
    }
    byte[] result = base.modPow(exponent, modulus).toByteArray();
    // toByteArray may carry a leading sign byte; the value itself is below the modulus.
    int significant = Math.min(result.length, modLength);
    System.arraycopy(result, result.length - significant, out, modLength - significant, significant);
    return out;
  }

  /**
   * EIP-198 adjusted exponent length: for an exponent of at most 32 bytes, the index of its
   * highest set bit (0 when it is zero); beyond 32 bytes, {@code 8 * (Esize - 32)} plus the index of
   * the highest set bit of its first 32 bytes.
   */
  static BigInteger adjustedExponentLength(
      byte[] input, BigInteger baseLength, BigInteger expLength) {
    int headLength = expLength.min(BigInteger.valueOf(32)).intValue();
    // When Bsize is beyond the input, the exponent lies entirely in the zero padding.
    long headOffset = baseLength.compareTo(LONG_MAX.subtract(BigInteger.valueOf(96))) > 0
        ? Long.MAX_VALUE
        : 96 + baseLength.longValue();
    BigInteger head = unsigned(input, headOffset, headLength);
    BigInteger highestBit = BigInteger.valueOf(head.signum() == 0 ? 0 : head.bitLength() - 1);
    if (expLength.compareTo(BigInteger.valueOf(32)) <= 0) {
      return highestBit;
    }
    return expLength.subtract(BigInteger.valueOf(32)).shiftLeft(3).add(highestBit);
  }

  /** EIP-198 mult_complexity(x) of the larger of Bsize and Msize. */
  static BigInteger eip198Complexity(BigInteger x) {
    BigInteger square = x.multiply(x);
    if (x.compareTo(BigInteger.valueOf(64)) <= 0) {
      return square;
    }
    if (x.compareTo(BigInteger.valueOf(1024)) <= 0) {
      return square.shiftRight(2).add(x.multiply(BigInteger.valueOf(96)))
          .subtract(BigInteger.valueOf(3072));
    }
    return square.shiftRight(4).add(x.multiply(BigInteger.valueOf(480)))
        .subtract(BigInteger.valueOf(199680));
  }

  /** The 32-byte big-endian word at {@code offset}, zero-padded past the end of the input. */
  private static BigInteger word(byte[] input, int offset) {
    return unsigned(input, offset, 32);
  }

  /** {@code length} bytes from {@code offset} as an unsigned number, zero-padded past the end. */
  private static BigInteger unsigned(byte[] input, long offset, int length) {
    if (length == 0 || offset >= input.length) {
      return BigInteger.ZERO;
    }
    int start = (int) offset;
    // copyOfRange zero-fills whatever lies past the end of the input: the EIP's right padding.
    return new BigInteger(1, Arrays.copyOfRange(input, start, start + length));
  }
}
