package org.drr.node.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Encodes RLP into one growable byte buffer. Lists are written in place: {@link #startList()}
 * reserves a one-byte header, {@link #endList()} fills it in and, only for payloads of 56 bytes or
 * more, shifts the payload right to make room for the long-form length. No intermediate objects are
 * created per item.
 *
 * <p>Integers are written as minimal big-endian strings (zero is the empty string {@code 0x80});
 * byte strings are written as given. Not thread-safe; reusable after {@link #reset()}.
 */
public final class RlpWriter {
  private byte[] buf;
  private int size;
  private int[] listStarts = new int[8];
  private int depth;

  public RlpWriter() {
    this(64);
  }

  public RlpWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Writes {@code value} as an RLP byte string. */
  public RlpWriter writeBytes(Bytes value) {
    int length = value.size();
    if (length == 1 && (value.get(0) & 0xff) < 0x80) {
      return writeRawByte(value.get(0));
    }
    writeLengthHeader(0x80, length);
    ensure(length);
    System.arraycopy(value.toArrayUnsafe(), 0, buf, size, length);
    size += length;
    return this;
  }

  /** Writes {@code value} as an RLP byte string. */
  public RlpWriter writeBytes(byte[] value) {
    return writeBytes(value, 0, value.length);
  }

  /** Writes {@code length} bytes of {@code value} from {@code offset} as an RLP byte string. */
  public RlpWriter writeBytes(byte[] value, int offset, int length) {
    if (length == 1 && (value[offset] & 0xff) < 0x80) {
      return writeRawByte(value[offset]);
    }
    writeLengthHeader(0x80, length);
    ensure(length);
    System.arraycopy(value, offset, buf, size, length);
    size += length;
    return this;
  }

  /** Writes a non-negative integer as a minimal big-endian string. */
  public RlpWriter writeLong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned; got " + value);
    }
    return writeUnsignedLong(value);
  }

  /** Writes {@code value} read as an unsigned 64-bit integer (so -1 is 2^64-1). */
  public RlpWriter writeUnsignedLong(long value) {
    if (value == 0) {
      return writeRawByte((byte) 0x80);
    }
    if (value > 0 && value < 0x80) {
      return writeRawByte((byte) value);
    }
    int n = 8 - Long.numberOfLeadingZeros(value) / 8;
    ensure(1 + n);
    buf[size++] = (byte) (0x80 + n);
    for (int i = n - 1; i >= 0; i--) {
      buf[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  public RlpWriter writeUInt256(UInt256 value) {
    return writeScalar(value);
  }

  /** Writes a non-negative integer of any size. */
  public RlpWriter writeBigInteger(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned; got " + value);
    }
    if (value.signum() == 0) {
      return writeRawByte((byte) 0x80);
    }
    byte[] bytes = value.toByteArray();
    int skip = bytes[0] == 0 ? 1 : 0;
    return writeBytes(bytes, skip, bytes.length - skip);
  }

  /** Writes big-endian {@code value} as an integer, dropping its leading zero bytes. */
  public RlpWriter writeScalar(Bytes value) {
    int leading = value.numberOfLeadingZeroBytes();
    if (leading == value.size()) {
      return writeRawByte((byte) 0x80);
    }
    return writeBytes(value.slice(leading));
  }

  /** Copies an already encoded RLP item (or several) into the output unchanged. */
  public RlpWriter writeRaw(Bytes encoded) {
    ensure(encoded.size());
    System.arraycopy(encoded.toArrayUnsafe(), 0, buf, size, encoded.size());
    size += encoded.size();
    return this;
  }

  /** Writes the empty list {@code 0xc0}. */
  public RlpWriter writeEmptyList() {
    return writeRawByte((byte) 0xc0);
  }

  /** Opens a list; every item written until the matching {@link #endList()} belongs to it. */
  public RlpWriter startList() {
    ensure(1);
    size++;
    if (depth == listStarts.length) {
      listStarts = Arrays.copyOf(listStarts, depth * 2);
    }
    listStarts[depth++] = size;
    return this;
  }

  /** Closes the innermost open list. */
  public RlpWriter endList() {
    if (depth == 0) {
      throw new IllegalStateException("endList() without a matching startList()");
    }
    int payloadStart = listStarts[--depth];
    int length = size - payloadStart;
    if (length < 56) {
      buf[payloadStart - 1] = (byte) (0xc0 + length);
      return this;
    }
    int lengthOfLength = byteLength(length);
    ensure(lengthOfLength);
    System.arraycopy(buf, payloadStart, buf, payloadStart + lengthOfLength, length);
    buf[payloadStart - 1] = (byte) (0xf7 + lengthOfLength);
    putBigEndian(length, payloadStart, lengthOfLength);
    size += lengthOfLength;
    return this;
  }

  /** The number of bytes written so far. */
  public int size() {
    return size;
  }

  /** The encoding, as a fresh array. Every list must be closed. */
  public byte[] toByteArray() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " list(s) still open");
    }
    return Arrays.copyOf(buf, size);
  }

  /** The encoding, as immutable bytes. Every list must be closed. */
  public Bytes toBytes() {
    return Bytes.wrap(toByteArray());
  }

  /** Discards everything written, keeping the buffer for reuse. */
  public void reset() {
    size = 0;
    depth = 0;
  }

  private RlpWriter writeRawByte(byte b) {
    ensure(1);
    buf[size++] = b;
    return this;
  }

  private void writeLengthHeader(int base, int length) {
    if (length < 56) {
      ensure(1);
      buf[size++] = (byte) (base + length);
    } else {
      int lengthOfLength = byteLength(length);
      ensure(1 + lengthOfLength);
      buf[size++] = (byte) (base + 55 + lengthOfLength);
      putBigEndian(length, size, lengthOfLength);
      size += lengthOfLength;
    }
  }

  private void putBigEndian(int value, int at, int n) {
    for (int i = 0; i < n; i++) {
      buf[at + i] = (byte) (value >>> (8 * (n - 1 - i)));
    }
  }

  private static int byteLength(int value) {
    return 4 - Integer.numberOfLeadingZeros(value) / 8;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
