package org.drr.node.evm.gas;

/** Memory expansion pricing (Yellow Paper C_mem): 3 gas per word plus words^2 / 512. */
public final class MemoryGas {
  private MemoryGas() {}

  /** Total cost of memory of {@code words} words. Callers keep words below 2^32. */
  public static long cost(long words) {
    return GasCosts.MEMORY_WORD * words + (words * words) / GasCosts.QUADRATIC_MEMORY_DENOMINATOR;
  }

  /**
   * Gas to expand memory currently {@code currentWords} words long to cover {@code
   * [offset,offset+length)}; 0 if length is 0 or no growth is needed, {@link Long#MAX_VALUE} if the
   * range is beyond any payable size (offset or length clamped, or past 2^32 bytes).
   */
  public static long expansion(long currentWords, long offset, long length) {
    if (length == 0) {
      return 0;
    }
    if (offset > MAX_BYTES || length > MAX_BYTES) {
      return Long.MAX_VALUE;
    }
    long end = offset + length;
    if (end > MAX_BYTES) {
      return Long.MAX_VALUE;
    }
    long newWords = (end + 31) >>> 5;
    if (newWords <= currentWords) {
      return 0;
    }
    return cost(newWords) - cost(currentWords);
  }

  /** Number of 32-byte words needed for {@code bytes} bytes (bytes below 2^62). */
  public static long words(long bytes) {
    return (bytes + 31) >>> 5;
  }

  /** Beyond this size the quadratic cost exceeds any block gas limit, so treat as out of gas. */
  private static final long MAX_BYTES = 1L << 32;
}
