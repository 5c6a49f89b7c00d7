package org.drr.node.trie;

/**
 * Hex-prefix encoding (Yellow Paper appendix C): a nibble path packed into bytes, with a flag
 * nibble saying whether the path has odd length and whether it ends in a leaf.
 *
 * <p>First nibble: {@code 2·leaf + odd}. An odd path's first nibble shares the first byte; an even
 * path is preceded by a zero padding nibble.
 */
final class HexPrefix {
  private HexPrefix() {}

  /** Encodes {@code nibbles} with the leaf flag set or not. */
  static byte[] encode(byte[] nibbles, boolean leaf) {
    int length = nibbles.length;
    boolean odd = (length & 1) != 0;
    byte[] out = new byte[length / 2 + 1];
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    int from = 0;
    if (odd) {
      out[0] = (byte) ((flag << 4) | nibbles[0]);
      from = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int i = from, o = 1; i < length; i += 2, o++) {
      out[o] = (byte) ((nibbles[i] << 4) | nibbles[i + 1]);
    }
    return out;
  }

  /** A decoded path and its leaf flag. */
  record Path(byte[] nibbles, boolean leaf) {}

  /**
   * Decodes {@code length} bytes of {@code encoded} from {@code offset}.
   *
   * @throws MalformedNodeException if the input is empty, the flag nibble is above 3, or an even
   *     path's padding nibble is not zero
   */
  static Path decode(byte[] encoded, int offset, int length) {
    if (length == 0) {
      throw new MalformedNodeException("hex-prefix path is empty; it needs at least a flag byte");
    }
    int first = encoded[offset] & 0xff;
    int flag = first >> 4;
    if (flag > 3) {
      throw new MalformedNodeException(
          String.format(
              "hex-prefix flag nibble is %d, must be 0..3 (first byte 0x%02x)", flag, first));
    }
    boolean odd = (flag & 1) != 0;
    if (!odd && (first & 0x0f) != 0) {
      throw new MalformedNodeException(
          String.format(
              "hex-prefix even path has non-zero padding nibble (first byte 0x%02x)", first));
    }
    byte[] nibbles = new byte[2 * (length - 1) + (odd ? 1 : 0)];
    int n = 0;
    if (odd) {
      nibbles[n++] = (byte) (first & 0x0f);
    }
    for (int i = 1; i < length; i++) {
      int b = encoded[offset + i] & 0xff;
      nibbles[n++] = (byte) (b >> 4);
      nibbles[n++] = (byte) (b & 0x0f);
    }
    return new Path(nibbles, (flag & 2) != 0);
  }
}
