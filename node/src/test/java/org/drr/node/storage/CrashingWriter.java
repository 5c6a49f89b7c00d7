package org.drr.node.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The victim of {@link StorageCrashTest}: commits numbered transactions as fast as it can, each
 * writing a record in one column and the counter in another, and prints each number once its commit
 * has returned. It runs until killed.
 */
final class CrashingWriter {
  static final Column RECORDS = new Column("test-records");
  static final Column HEAD = new Column("test-head");
  static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);

  private CrashingWriter() {}

  static byte[] recordKey(long n) {
    return ("record-" + n).getBytes(StandardCharsets.US_ASCII);
  }

  /** A record large enough that a torn write would be visible. */
  static byte[] record(long n) {
    byte[] value = new byte[4096];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) (n + i);
    }
    return value;
  }

  static long head(KeyValueStorage storage) {
    Optional<byte[]> head = storage.get(HEAD, HEAD_KEY);
    return head.map(bytes -> Long.parseLong(new String(bytes, StandardCharsets.US_ASCII)))
        .orElse(0L);
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    boolean sync = Boolean.parseBoolean(args[1]);
    StorageOptions options =
        new StorageOptions(List.of(RECORDS, HEAD), sync, StorageOptions.DEFAULT_BLOCK_CACHE_BYTES);
    RocksDbStorage storage = RocksDbStorage.open(dir, options);
    for (long n = head(storage) + 1; ; n++) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(RECORDS, recordKey(n), record(n));
        tx.put(HEAD, HEAD_KEY, Long.toString(n).getBytes(StandardCharsets.US_ASCII));
        tx.commit();
      }
      System.out.println(n);
      System.out.flush();
    }
  }
}
