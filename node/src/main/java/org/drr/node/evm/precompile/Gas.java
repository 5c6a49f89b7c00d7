package org.drr.node.evm.precompile;

/** Saturating gas arithmetic shared by the precompiles' price formulas. */
final class Gas {
  private Gas() {}

  /** Number of 32-byte words needed to hold {@code length} bytes. */
  static long words(long length) {
    return (length + 31) / 32;
  }

  /** {@code base + perWord * words(length)}; {@code length} is an array length, so no overflow. */
  static long linear(long base, long perWord, int length) {
    return base + perWord * words(length);
  }

  static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /** {@code a * b} for non-negative operands, saturating at {@link Long#MAX_VALUE}. */
  static long saturatingMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return (high != 0 || low < 0) ? Long.MAX_VALUE : low;
  }
}
