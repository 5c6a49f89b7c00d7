package org.drr.node.state;

import java.util.HexFormat;
import org.drr.node.evm.Words;

/**
 * An immutable 256-bit word used as a storage key or value: four limbs, least significant first.
 * Records give cheap equality and hashing, which makes storage maps fast without byte arrays.
 */
public record Word256(long l0, long l1, long l2, long l3) {
  public static final Word256 ZERO = new Word256(0, 0, 0, 0);

  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  /** The word at {@code w[p..p+4)} (an operand stack slot). */
  public static Word256 fromLimbs(long[] w, int p) {
    long a = w[p], b = w[p + 1], c = w[p + 2], d = w[p + 3];
    if ((a | b | c | d) == 0) {
      return ZERO;
    }
    return new Word256(a, b, c, d);
  }

  /** Reads 32 big-endian bytes. */
  public static Word256 fromBytes(byte[] b32) {
    return new Word256(
        Words.longAt(b32, 24), Words.longAt(b32, 16), Words.longAt(b32, 8), Words.longAt(b32, 0));
  }

  /** Parses a hex quantity of up to 64 digits ("0x" optional, leading zeros optional). */
  public static Word256 fromHex(String hex) {
    String h = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (h.length() > 64) {
      throw new IllegalArgumentException("word longer than 32 bytes: " + hex);
    }
    String padded = "0".repeat(64 - h.length()) + h;
    return fromBytes(HexFormat.of().parseHex(padded));
  }

  /** The 32 big-endian bytes. */
  public byte[] toBytes() {
    byte[] out = new byte[32];
    Words.putLong(out, 0, l3);
    Words.putLong(out, 8, l2);
    Words.putLong(out, 16, l1);
    Words.putLong(out, 24, l0);
    return out;
  }

  /** Writes the limbs to {@code w[p..p+4)}. */
  public void toLimbs(long[] w, int p) {
    w[p] = l0;
    w[p + 1] = l1;
    w[p + 2] = l2;
    w[p + 3] = l3;
  }

  @Override
  public String toString() {
    return "0x" + HexFormat.of().formatHex(toBytes());
  }
}
