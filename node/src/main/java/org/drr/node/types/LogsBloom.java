package org.drr.node.types;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;

/**
 * The 2048-bit log filter of receipts and headers. For each value added (a log's address and each
 * topic), three bits are set: for i in 0, 1, 2, the low 11 bits of bytes [2i, 2i+1] of
 * keccak(value) select a bit, counted from the right of the 256-byte big-endian array.
 */
public record LogsBloom(Bytes bytes) {
  public static final int SIZE = 256;
  public static final LogsBloom EMPTY = new LogsBloom(Bytes.wrap(new byte[SIZE]));

  public LogsBloom {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom is 256 bytes; got " + bytes.size());
    }
  }

  /** The bloom of all addresses and topics of {@code logs}. */
  public static LogsBloom of(List<Log> logs) {
    Builder builder = new Builder();
    for (Log log : logs) {
      builder.addLog(log);
    }
    return builder.build();
  }

  /** The union of this bloom and {@code other}. */
  public LogsBloom or(LogsBloom other) {
    return new LogsBloom(bytes.or(other.bytes));
  }

  /** False if {@code value} was certainly never added; true if it may have been. */
  public boolean mayContain(Bytes value) {
    Bytes32 hash = Keccak256.hash(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash.get(i) & 0x07) << 8) | (hash.get(i + 1) & 0xff);
      if ((bytes.get(SIZE - 1 - bit / 8) & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Accumulates a bloom in a mutable array; {@link #build()} snapshots it. */
  public static final class Builder {
    private final byte[] bits = new byte[SIZE];

    public Builder add(Bytes value) {
      Bytes32 hash = Keccak256.hash(value);
      for (int i = 0; i < 6; i += 2) {
        int bit = ((hash.get(i) & 0x07) << 8) | (hash.get(i + 1) & 0xff);
        bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
      }
      return this;
    }

    public Builder addLog(Log log) {
      add(log.address().bytes());
      for (Bytes32 topic : log.topics()) {
        add(topic);
      }
      return this;
    }

    public Builder or(LogsBloom other) {
      for (int i = 0; i < SIZE; i++) {
        bits[i] |= other.bytes().get(i);
      }
      return this;
    }

    public LogsBloom build() {
      return new LogsBloom(Bytes.wrap(bits.clone()));
    }
  }
}
