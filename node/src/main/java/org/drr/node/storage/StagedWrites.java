package org.drr.node.storage;

import java.util.Arrays;

/**
 * The writes of one {@link RocksDbTransaction}, kept in Java until commit and then encoded in
 * RocksDB's serialized write-batch format, each column's writes in key order.
 *
 * <p>Why not a native {@code WriteBatch} filled put by put: a block's commit stages 30,000–40,000
 * writes, each a JNI call that appends to a growing native string. And the memtable is a skip list:
 * trie-node keys are hashes, so in arrival order every insert searches from the top, which was
 * three quarters of RocksDB's commit time in the block writer's profile. In ascending order each
 * insert starts where the previous one ended. See docs/benchmarks.md ("RocksDB writes in key
 * order").
 *
 * <p>The format, from RocksDB's {@code write_batch.cc}: a fixed64 sequence number (0; the write
 * assigns it) and a fixed32 count, both little-endian, then one record per write: a tag byte,
 * the column family id as a varint32, and the key and, for a put, the value, each as a varint32
 * length and the bytes. (RocksDB's default column, id 0, has tags without the id; a {@link Column}
 * is never the default column.)
 *
 * <p>Sorting keeps the writes of one key in the order they were staged, so a later put or delete
 * of a key still wins over an earlier one.
 */
final class StagedWrites {
  private static final int HEADER_BYTES = 12;
  private static final byte TYPE_COLUMN_FAMILY_DELETION = 0x4;
  private static final byte TYPE_COLUMN_FAMILY_VALUE = 0x5;

  // A sort key packs a key's first 42 bits above the write's index, so one primitive sort orders
  // writes by key and, among keys that share those bits, by arrival. Keys sharing 42 leading bits
  // may stay out of order; that only costs the memtable a longer search.
  private static final int INDEX_BITS = 22;
  private static final int MAX_SORTED = 1 << INDEX_BITS;

  private ColumnWrites[] columns = new ColumnWrites[0];
  private int count;

  /**
   * Stages a put of {@code key → value} in the column family {@code columnId} (never 0), or a
   * delete of {@code key} when value is null.
   */
  void add(int columnId, byte[] key, byte[] value) {
    if (columnId < 1) {
      throw new IllegalArgumentException("not a drr column's family id: " + columnId);
    }
    if (columnId >= columns.length) {
      columns = Arrays.copyOf(columns, columnId + 1);
    }
    ColumnWrites writes = columns[columnId];
    if (writes == null) {
      writes = columns[columnId] = new ColumnWrites();
    }
    writes.add(key, value);
    count++;
  }

  /**
   * The staged writes as one serialized write batch, column by column in ascending id, each
   * column's writes in key order.
   *
   * @throws IllegalStateException if the batch would not fit a Java array
   */
  byte[] encode() {
    long size = HEADER_BYTES;
    int[][] orders = new int[columns.length][];
    for (int id = 0; id < columns.length; id++) {
      if (columns[id] != null) {
        orders[id] = columns[id].keyOrder();
        size += columns[id].encodedSize(id);
      }
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a transaction of " + count + " writes needs " + size
          + " bytes, more than one batch holds");
    }
    byte[] out = new byte[(int) size];
    putFixedLittleEndian(out, 8, count, 4); // the sequence number (bytes 0-7) stays 0
    int at = HEADER_BYTES;
    for (int id = 0; id < columns.length; id++) {
      ColumnWrites writes = columns[id];
      if (writes == null) {
        continue;
      }
      for (int i : orders[id]) {
        byte[] key = writes.keys[i];
        byte[] value = writes.values[i];
        out[at++] = value == null ? TYPE_COLUMN_FAMILY_DELETION : TYPE_COLUMN_FAMILY_VALUE;
        at = putVarint(out, at, id);
        at = putBytes(out, at, key);
        if (value != null) {
          at = putBytes(out, at, value);
        }
      }
    }
    return out;
  }

  private static int putBytes(byte[] out, int at, byte[] bytes) {
    at = putVarint(out, at, bytes.length);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  private static int putVarint(byte[] out, int at, int value) {
    while ((value & ~0x7F) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }

  private static int varintLength(int value) {
    int length = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      length++;
    }
    return length;
  }

  private static void putFixedLittleEndian(byte[] out, int at, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out[at + i] = (byte) (value >>> (8 * i));
    }
  }

  /** One column's writes in arrival order; a null value is a delete. */
  private static final class ColumnWrites {
    byte[][] keys = new byte[16][];
    byte[][] values = new byte[16][];
    int size;

    void add(byte[] key, byte[] value) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size] = value;
      size++;
    }

    long encodedSize(int columnId) {
      long bytes = 0;
      int tag = 1 + varintLength(columnId);
      for (int i = 0; i < size; i++) {
        bytes += tag + varintLength(keys[i].length) + keys[i].length;
        if (values[i] != null) {
          bytes += varintLength(values[i].length) + values[i].length;
        }
      }
      return bytes;
    }

    /** Indexes of the writes in key order, arrival order among equal keys. */
    int[] keyOrder() {
      int[] order = new int[size];
      if (size > MAX_SORTED) {
        // too many to pack their indexes; arrival order is correct too, only slower to insert
        Arrays.setAll(order, i -> i);
        return order;
      }
      long[] sortKeys = new long[size];
      for (int i = 0; i < size; i++) {
        // flipping the sign bit makes the signed sort order the keys' unsigned (bytewise) order
        sortKeys[i] = (leading42Bits(keys[i]) << INDEX_BITS | i) ^ Long.MIN_VALUE;
      }
      Arrays.sort(sortKeys);
      for (int i = 0; i < size; i++) {
        order[i] = (int) (sortKeys[i] & (MAX_SORTED - 1));
      }
      return order;
    }

    /** The key's first 42 bits, as a number; a short key is padded with zero bits. */
    private static long leading42Bits(byte[] key) {
      long bits = 0;
      for (int i = 0; i < 6; i++) {
        bits = bits << 8 | (i < key.length ? key[i] & 0xFF : 0);
      }
      return bits >>> 6;
    }
  }
}
