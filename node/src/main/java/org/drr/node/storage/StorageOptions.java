package org.drr.node.storage;

import java.util.List;

/**
 * How to open a {@link RocksDbStorage}.
 *
 * @param columns the column families the caller will use; missing ones are created. Column families
 *     already in the database but not listed here are opened too (RocksDB requires it) and simply
 *     not accessible through this handle.
 * @param syncWrites whether every committed transaction is fsynced before {@code commit} returns.
 *     Without it a committed transaction survives a process crash ({@code kill -9}: the write-ahead
 *     log is in the OS page cache), but not a power loss or kernel crash.
 * @param blockCacheBytes size of RocksDB's shared LRU block cache for reads, in bytes
 */
public record StorageOptions(List<Column> columns, boolean syncWrites, long blockCacheBytes) {
  /** 64 MiB: enough for the hot upper trie levels of a registry-sized state. */
  public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;

  public StorageOptions {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("at least one column must be opened");
    }
    if (columns.stream().distinct().count() != columns.size()) {
      throw new IllegalArgumentException("columns listed twice: " + columns);
    }
    if (blockCacheBytes < 0) {
      throw new IllegalArgumentException("blockCacheBytes must be >= 0, got " + blockCacheBytes);
    }
  }

  /** The given columns, synchronous writes, the default block cache. */
  public static StorageOptions durable(Column... columns) {
    return new StorageOptions(List.of(columns), true, DEFAULT_BLOCK_CACHE_BYTES);
  }

  /** The given columns, asynchronous (crash-safe but not power-loss-safe) writes. */
  public static StorageOptions fast(Column... columns) {
    return new StorageOptions(List.of(columns), false, DEFAULT_BLOCK_CACHE_BYTES);
  }
}
