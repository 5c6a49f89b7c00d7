package org.drr.node.rlp;

/**
 * RLP written straight into an array whose size was computed first. For encodings made many times
 * over, such as trie nodes: {@link RlpWriter}'s growable buffer, the shift of a long list's payload
 * once its length is known, and the final copy cost more than the encoding itself there.
 *
 * <p>Each {@code put} writes at {@code at} and returns the index after what it wrote.
 */
public final class RlpArrays {
  private RlpArrays() {}

  /** The length of {@code value}'s encoding as an RLP string. */
  public static int stringLength(byte[] value) {
    int n = value.length;
    if (n == 1 && (value[0] & 0xFF) < 0x80) {
      return 1;
    }
    return stringLength(n);
  }

  /** Writes {@code value} as an RLP string. */
  public static int putString(byte[] out, int at, byte[] value) {
    int n = value.length;
    if (n == 1 && (value[0] & 0xFF) < 0x80) {
      out[at] = value[0];
      return at + 1;
    }
    at = putHeader(out, at, 0x80, n);
    System.arraycopy(value, 0, out, at, n);
    return at + n;
  }

  /**
   * The length of the encoding of a string of {@code length} bytes, unless it is a single byte
   * below 0x80 (which encodes as itself).
   */
  public static int stringLength(int length) {
    return headerLength(length) + length;
  }

  /** The length of a list's encoding whose items take {@code payload} bytes. */
  public static int listLength(int payload) {
    return headerLength(payload) + payload;
  }

  /** Writes the header of a list whose items, written next, take {@code payload} bytes. */
  public static int putListHeader(byte[] out, int at, int payload) {
    return putHeader(out, at, 0xC0, payload);
  }

  private static int headerLength(int length) {
    return length < 56 ? 1 : 1 + byteLength(length);
  }

  private static int putHeader(byte[] out, int at, int base, int length) {
    if (length < 56) {
      out[at] = (byte) (base + length);
      return at + 1;
    }
    int n = byteLength(length);
    out[at++] = (byte) (base + 55 + n);
    for (int i = n - 1; i >= 0; i--) {
      out[at++] = (byte) (length >>> (8 * i));
    }
    return at;
  }

  private static int byteLength(int value) {
    return 4 - Integer.numberOfLeadingZeros(value) / 8;
  }
}
