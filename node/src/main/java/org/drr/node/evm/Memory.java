package org.drr.node.evm;

import java.util.Arrays;

/**
 * Byte-addressed, word-expanded EVM memory of one call frame. The active size is always a multiple
 * of 32; the backing array grows geometrically so that expansion is amortized.
 *
 * <p>Callers charge gas for expansion (see {@link org.drr.node.evm.gas.MemoryGas}) before calling
 * {@link #ensure}; this class never fails on sizes that were paid for.
 */
public final class Memory {
  private byte[] data = new byte[1024];
  private long size;

  /**
   * Empties the memory for reuse by a later frame: zeroes the bytes used so far. Returns false
   * if the buffer grew too large to be worth keeping (the caller then allocates a fresh one).
   */
  boolean reset() {
    if (data.length > MAX_RETAINED) {
      return false;
    }
    Arrays.fill(data, 0, (int) size, (byte) 0);
    size = 0;
    return true;
  }

  private static final int MAX_RETAINED = 1 << 20;

  /** Active size in bytes (a multiple of 32). */
  public long size() {
    return size;
  }

  /** Active size in 32-byte words. */
  public long words() {
    return size >>> 5;
  }

  /**
   * Expands the active size to cover {@code [offset, offset+length)} if {@code length > 0}. The
   * range must already have been paid for, which bounds it far below 2^31.
   */
  public void ensure(long offset, long length) {
    if (length == 0) {
      return;
    }
    long end = offset + length;
    if (end <= size) {
      return;
    }
    long newSize = (end + 31) & ~31L;
    if (newSize > data.length) {
      long cap = Math.max(newSize, (long) data.length * 2);
      data = Arrays.copyOf(data, (int) Math.min(cap, Integer.MAX_VALUE - 8));
    }
    size = newSize;
  }

  /** The backing array; valid bytes are {@code [0, size())}. Handlers read and write it directly. */
  public byte[] raw() {
    return data;
  }

  /** A fresh copy of {@code [offset, offset+length)}; the range must be within the active size. */
  public byte[] copy(long offset, long length) {
    if (length == 0) {
      return EMPTY;
    }
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
  }

  /**
   * Writes {@code length} bytes at {@code offset} from {@code src[srcOffset..)}, zero-filling any
   * part that lies beyond {@code src} (CALLDATACOPY, CODECOPY, RETURNDATACOPY semantics for the
   * first two).
   */
  public void writePadded(long offset, byte[] src, long srcOffset, long length) {
    if (length == 0) {
      return;
    }
    int off = (int) offset;
    int len = (int) length;
    long available = srcOffset >= src.length ? 0 : Math.min(length, src.length - srcOffset);
    if (available > 0) {
      System.arraycopy(src, (int) srcOffset, data, off, (int) available);
    }
    if (available < len) {
      Arrays.fill(data, off + (int) available, off + len, (byte) 0);
    }
  }

  public static final byte[] EMPTY = new byte[0];
}
