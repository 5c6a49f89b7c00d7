package org.drr.node.evm;

/**
 * The EVM operand stack: up to 1024 words of 256 bits, stored flat as four {@code long} limbs per
 * word so that no object is allocated per push or pop.
 *
 * <p>Word {@code i} (0 = bottom) occupies {@code words[4*i .. 4*i+3]}, least significant limb
 * first. {@link #sp} is the number of limbs in use, so the top word starts at {@code sp - 4}.
 * Bounds are checked by the interpreter from the opcode table before a handler runs; handlers
 * index the array directly.
 */
public final class Stack {
  public static final int MAX_DEPTH = 1024;

  /** Limbs of all words, least significant limb of each word first. */
  public final long[] words = new long[MAX_DEPTH * 4];

  /** Number of limbs in use; always a multiple of 4. */
  public int sp;

  public int size() {
    return sp >> 2;
  }

  public void push(long l0, long l1, long l2, long l3) {
    int p = sp;
    words[p] = l0;
    words[p + 1] = l1;
    words[p + 2] = l2;
    words[p + 3] = l3;
    sp = p + 4;
  }

  public void pushLong(long v) {
    push(v, 0, 0, 0);
  }

  public void pushZero() {
    push(0, 0, 0, 0);
  }

  /** Pushes 32 big-endian bytes from {@code src[off..off+32)}. */
  public void pushBytes32(byte[] src, int off) {
    push(
        Words.longAt(src, off + 24),
        Words.longAt(src, off + 16),
        Words.longAt(src, off + 8),
        Words.longAt(src, off));
  }

  /**
   * Pushes {@code len} (0..32) big-endian bytes from {@code src[off..)} as a right-aligned word;
   * bytes past {@code src.length} read as zero (PUSHn at the end of code).
   */
  public void pushBytes(byte[] src, int off, int len) {
    if (len <= 8 && off + len <= src.length) {
      long v = 0;
      for (int i = 0; i < len; i++) {
        v = (v << 8) | (src[off + i] & 0xFF);
      }
      push(v, 0, 0, 0);
      return;
    }
    long l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    for (int i = 0; i < len; i++) {
      int idx = off + i;
      long b = idx < src.length ? src[idx] & 0xFF : 0;
      l3 = (l3 << 8) | (l2 >>> 56);
      l2 = (l2 << 8) | (l1 >>> 56);
      l1 = (l1 << 8) | (l0 >>> 56);
      l0 = (l0 << 8) | b;
    }
    push(l0, l1, l2, l3);
  }

  public void pop() {
    sp -= 4;
  }

  /** Limb {@code limb} (0 = least significant) of the word {@code depth} below the top (0=top). */
  public long get(int depth, int limb) {
    return words[sp - 4 - 4 * depth + limb];
  }

  /** Writes the word {@code depth} places below the top as 32 big-endian bytes into dst. */
  public void toBytes32(int depth, byte[] dst, int off) {
    int p = sp - 4 - 4 * depth;
    Words.putLong(dst, off, words[p + 3]);
    Words.putLong(dst, off + 8, words[p + 2]);
    Words.putLong(dst, off + 16, words[p + 1]);
    Words.putLong(dst, off + 24, words[p]);
  }

  /** DUPn: copies the word at depth n-1 to the top. */
  public void dup(int n) {
    int src = sp - 4 * n;
    System.arraycopy(words, src, words, sp, 4);
    sp += 4;
  }

  /** SWAPn: exchanges the top word with the word at depth n. */
  public void swap(int n) {
    int a = sp - 4;
    int b = a - 4 * n;
    long[] w = words;
    for (int i = 0; i < 4; i++) {
      long t = w[a + i];
      w[a + i] = w[b + i];
      w[b + i] = t;
    }
  }

  /**
   * The word at {@code depth} as a non-negative long, or {@link Long#MAX_VALUE} if it does not fit
   * in 63 bits (offsets and sizes that large always run out of gas).
   */
  public long getClamped(int depth) {
    int p = sp - 4 - 4 * depth;
    long[] w = words;
    if ((w[p + 1] | w[p + 2] | w[p + 3]) != 0 || w[p] < 0) {
      return Long.MAX_VALUE;
    }
    return w[p];
  }

  public boolean isZero(int depth) {
    int p = sp - 4 - 4 * depth;
    long[] w = words;
    return (w[p] | w[p + 1] | w[p + 2] | w[p + 3]) == 0;
  }
}
