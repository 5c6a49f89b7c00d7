package org.drr.node.evm.precompile;

/** Word-based price formulas shared by the hash and copy precompiles. */
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
}
