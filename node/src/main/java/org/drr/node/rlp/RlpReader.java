package org.drr.node.rlp;

import static org.drr.node.rlp.RlpException.Kind.EXPECTED_LIST;
import static org.drr.node.rlp.RlpException.Kind.EXPECTED_STRING;
import static org.drr.node.rlp.RlpException.Kind.LEADING_ZERO_IN_LENGTH;
import static org.drr.node.rlp.RlpException.Kind.LEADING_ZERO_IN_SCALAR;
import static org.drr.node.rlp.RlpException.Kind.LENGTH_BEYOND_INPUT;
import static org.drr.node.rlp.RlpException.Kind.NON_CANONICAL_LONG_FORM;
import static org.drr.node.rlp.RlpException.Kind.NON_CANONICAL_SINGLE_BYTE;
import static org.drr.node.rlp.RlpException.Kind.TRAILING_BYTES;
import static org.drr.node.rlp.RlpException.Kind.UNEXPECTED_END;
import static org.drr.node.rlp.RlpException.Kind.VALUE_TOO_LARGE;
import static org.drr.node.rlp.RlpException.Kind.WRONG_SIZE;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Reads a sequence of RLP items from a byte range, strictly: every non-canonical form is rejected
 * with an {@link RlpException} naming the rule and the offset. A list is read by {@link
 * #readList()}, which returns a reader confined to the list's payload, so an item can never run
 * past the end of the list that contains it.
 *
 * <p>Byte strings are returned as views over the input (no copy): the caller must not change the
 * array it handed in while the results are in use. Integers must be minimal big-endian (no leading
 * zero byte, zero as the empty string).
 */
public final class RlpReader {
  private final byte[] data;
  private final int start;
  private final int end;
  private int pos;

  // Header of the item at pos, filled by header(); valid while headerAt == pos.
  private int headerAt = -1;
  private boolean itemIsList;
  private int payloadOffset;
  private int payloadLength;

  private RlpReader(byte[] data, int start, int end) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.pos = start;
  }

  public static RlpReader of(Bytes input) {
    return new RlpReader(input.toArrayUnsafe(), 0, input.size());
  }

  public static RlpReader of(byte[] input) {
    return new RlpReader(input, 0, input.length);
  }

  public static RlpReader of(byte[] input, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > input.length) {
      throw new IndexOutOfBoundsException(
          "range " + offset + "+" + length + " outside array of " + input.length);
    }
    return new RlpReader(input, offset, offset + length);
  }

  /** Whether another item follows in this reader's range. */
  public boolean hasNext() {
    return pos < end;
  }

  /** Whether the next item is a list. */
  public boolean nextIsList() {
    header();
    return itemIsList;
  }

  /** Whether the next item is the empty string {@code 0x80}. */
  public boolean nextIsEmptyString() {
    header();
    return !itemIsList && payloadLength == 0;
  }

  /** The payload size of the next item, in bytes. */
  public int nextPayloadSize() {
    header();
    return payloadLength;
  }

  /** Reads the next item, which must be a list, and returns a reader over its items. */
  public RlpReader readList() {
    header();
    if (!itemIsList) {
      throw new RlpException(
          EXPECTED_LIST, "expected a list at offset " + pos + ", found a string");
    }
    RlpReader list = new RlpReader(data, payloadOffset, payloadOffset + payloadLength);
    advance();
    return list;
  }

  /** Reads the next item, which must be a string, as a view over the input. */
  public Bytes readBytes() {
    requireString();
    Bytes value = view(payloadOffset, payloadLength);
    advance();
    return value;
  }

  /** Reads a string of exactly {@code size} bytes. */
  public Bytes readBytes(int size) {
    requireString();
    if (payloadLength != size) {
      throw new RlpException(
          WRONG_SIZE, "expected " + size + " bytes at offset " + pos + ", found " + payloadLength);
    }
    return readBytes();
  }

  /** Reads a string of exactly 32 bytes. */
  public Bytes32 readBytes32() {
    return Bytes32.wrap(readBytes(32));
  }

  /** Reads a string as a fresh array. */
  public byte[] readByteArray() {
    requireString();
    byte[] value = new byte[payloadLength];
    System.arraycopy(data, payloadOffset, value, 0, payloadLength);
    advance();
    return value;
  }

  /** Reads a canonical integer of at most 8 bytes as an unsigned long (2^64-1 reads as -1). */
  public long readUnsignedLong() {
    int n = scalarPayload(8);
    long value = 0;
    for (int i = 0; i < n; i++) {
      value = (value << 8) | (data[payloadOffset + i] & 0xff);
    }
    advance();
    return value;
  }

  /** Reads a canonical integer that must fit a non-negative long. */
  public long readLong() {
    int at = pos;
    long value = readUnsignedLong();
    if (value < 0) {
      throw new RlpException(
          VALUE_TOO_LARGE,
          "integer at offset " + at + " exceeds 2^63-1: " + Long.toUnsignedString(value));
    }
    return value;
  }

  /** Reads a canonical integer that must fit a non-negative int. */
  public int readInt() {
    int at = pos;
    long value = readUnsignedLong();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new RlpException(
          VALUE_TOO_LARGE,
          "integer at offset " + at + " exceeds 2^31-1: " + Long.toUnsignedString(value));
    }
    return (int) value;
  }

  /** Reads a canonical integer of at most 32 bytes. */
  public UInt256 readUInt256() {
    int n = scalarPayload(32);
    UInt256 value = n == 0 ? UInt256.ZERO : UInt256.fromBytes(view(payloadOffset, n));
    advance();
    return value;
  }

  /** Reads a canonical integer of any size. */
  public BigInteger readBigInteger() {
    int n = scalarPayload(Integer.MAX_VALUE);
    BigInteger value = n == 0 ? BigInteger.ZERO : new BigInteger(1, data, payloadOffset, n);
    advance();
    return value;
  }

  /** Reads the next item, string or list, and returns its complete encoding (a view). */
  public Bytes readRaw() {
    header();
    int itemStart = pos;
    advance();
    return Bytes.wrap(data, itemStart, pos - itemStart);
  }

  /** Skips the next item, string or list. */
  public void skip() {
    header();
    advance();
  }

  /** Throws if any bytes remain: the sequence (or list) must hold exactly the items read. */
  public void requireEnd() {
    if (pos != end) {
      throw new RlpException(
          TRAILING_BYTES,
          (end - pos) + " trailing byte(s) at offset " + pos + " after the last expected item");
    }
  }

  /** The offset of the next item, relative to the array this reader was made from. */
  public int position() {
    return pos;
  }

  /** Total bytes this reader covers. */
  public int length() {
    return end - start;
  }

  // Tuweni refuses a zero-length wrap at the very end of an array.
  private Bytes view(int offset, int length) {
    return length == 0 ? Bytes.EMPTY : Bytes.wrap(data, offset, length);
  }

  private void requireString() {
    header();
    if (itemIsList) {
      throw new RlpException(
          EXPECTED_STRING, "expected a string at offset " + pos + ", found a list");
    }
  }

  /**
   * Checks a scalar's canonical form and width. Which error wins when both apply follows
   * go-ethereum, as the reference tests expect: 64-bit fields report the width first, wider fields
   * the leading zero first.
   */
  private int scalarPayload(int maxBytes) {
    requireString();
    int n = payloadLength;
    boolean leadingZero = n > 0 && data[payloadOffset] == 0;
    if (maxBytes > 8 && leadingZero) {
      throw leadingZeroError();
    }
    if (n > maxBytes) {
      throw new RlpException(
          VALUE_TOO_LARGE,
          "integer at offset " + pos + " has " + n + " bytes, more than " + maxBytes);
    }
    if (leadingZero) {
      throw leadingZeroError();
    }
    return n;
  }

  private RlpException leadingZeroError() {
    return new RlpException(
        LEADING_ZERO_IN_SCALAR, "integer at offset " + pos + " has a leading zero byte");
  }

  private void advance() {
    pos = payloadOffset + payloadLength;
    headerAt = -1;
  }

  /** Parses the header of the item at {@code pos}, checking every canonical-form rule. */
  private void header() {
    if (headerAt == pos) {
      return;
    }
    if (pos >= end) {
      throw new RlpException(UNEXPECTED_END, "expected an item at offset " + pos + ", input ended");
    }
    int prefix = data[pos] & 0xff;
    if (prefix < 0x80) {
      set(false, pos, 1);
    } else if (prefix <= 0xb7) {
      int length = prefix - 0x80;
      checkFits(pos + 1, length);
      if (length == 1 && (data[pos + 1] & 0xff) < 0x80) {
        throw new RlpException(
            NON_CANONICAL_SINGLE_BYTE,
            String.format(
                "byte 0x%02x at offset %d must be encoded as itself, not as a 1-byte string",
                data[pos + 1] & 0xff, pos));
      }
      set(false, pos + 1, length);
    } else if (prefix <= 0xbf) {
      readLongForm(false, prefix - 0xb7);
    } else if (prefix <= 0xf7) {
      int length = prefix - 0xc0;
      checkFits(pos + 1, length);
      set(true, pos + 1, length);
    } else {
      readLongForm(true, prefix - 0xf7);
    }
    headerAt = pos;
  }

  private void readLongForm(boolean list, int lengthOfLength) {
    int lengthStart = pos + 1;
    if (lengthStart + lengthOfLength > end) {
      throw new RlpException(
          UNEXPECTED_END,
          "length field of "
              + lengthOfLength
              + " byte(s) at offset "
              + lengthStart
              + " runs past the input end "
              + end);
    }
    if (data[lengthStart] == 0) {
      throw new RlpException(
          LEADING_ZERO_IN_LENGTH,
          "long-form length at offset " + lengthStart + " starts with zero");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (data[lengthStart + i] & 0xff);
    }
    // More than 4 length bytes with no leading zero is at least 2^32: beyond any Java array.
    if (lengthOfLength > 4 || length > end) {
      throw new RlpException(
          LENGTH_BEYOND_INPUT,
          "item at offset "
              + pos
              + " declares "
              + Long.toUnsignedString(length)
              + " bytes; only "
              + (end - lengthStart - lengthOfLength)
              + " remain");
    }
    if (length < 56) {
      throw new RlpException(
          NON_CANONICAL_LONG_FORM,
          "item at offset " + pos + " uses the long form for a " + length + "-byte payload");
    }
    checkFits(lengthStart + lengthOfLength, (int) length);
    set(list, lengthStart + lengthOfLength, (int) length);
  }

  private void checkFits(int payloadStart, int length) {
    if (payloadStart + length > end) {
      throw new RlpException(
          LENGTH_BEYOND_INPUT,
          "item at offset "
              + pos
              + " declares "
              + length
              + " bytes; only "
              + Math.max(0, end - payloadStart)
              + " remain");
    }
  }

  private void set(boolean list, int offset, int length) {
    itemIsList = list;
    payloadOffset = offset;
    payloadLength = length;
  }
}
