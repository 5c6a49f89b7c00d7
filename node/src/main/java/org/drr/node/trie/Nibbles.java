package org.drr.node.trie;

import java.util.Arrays;

/**
 * Trie paths as nibble arrays: one half-byte (0..15) per array element, high nibble first. A byte
 * key of n bytes is a path of 2n nibbles; the trie branches on one nibble per level.
 */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  /** The nibbles of {@code key}, high nibble of each byte first. */
  static byte[] fromBytes(byte[] key) {
    byte[] nibbles = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      nibbles[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      nibbles[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return nibbles;
  }

  /** The bytes whose nibbles are {@code nibbles}; the length must be even. */
  static byte[] toBytes(byte[] nibbles) {
    if ((nibbles.length & 1) != 0) {
      throw new IllegalArgumentException(
          "a key has an even number of nibbles, got " + nibbles.length);
    }
    byte[] key = new byte[nibbles.length / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return key;
  }

  /** The length of the common prefix of {@code part} and {@code path[at..]}. */
  static int commonPrefix(byte[] part, byte[] path, int at) {
    int max = Math.min(part.length, path.length - at);
    int mismatch = Arrays.mismatch(part, 0, max, path, at, at + max);
    return mismatch < 0 ? max : mismatch;
  }

  /** Whether {@code path[at..]} starts with {@code part}. */
  static boolean startsWith(byte[] path, int at, byte[] part) {
    return path.length - at >= part.length
        && Arrays.equals(part, 0, part.length, path, at, at + part.length);
  }

  /** Whether {@code path[at..]} is exactly {@code part}. */
  static boolean restEquals(byte[] path, int at, byte[] part) {
    return path.length - at == part.length
        && Arrays.equals(part, 0, part.length, path, at, path.length);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  /** {@code nibble} followed by {@code rest}. */
  static byte[] prepend(int nibble, byte[] rest) {
    byte[] joined = new byte[rest.length + 1];
    joined[0] = (byte) nibble;
    System.arraycopy(rest, 0, joined, 1, rest.length);
    return joined;
  }

  /** Nibble-wise lexicographic order; a proper prefix sorts first (as its byte key does). */
  static int compare(byte[] a, byte[] b) {
    return Arrays.compare(a, b);
  }
}
