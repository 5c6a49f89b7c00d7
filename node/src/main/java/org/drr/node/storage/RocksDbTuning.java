package org.drr.node.storage;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteOptions;

/**
 * The native option objects one database handle needs, created together from {@link StorageOptions}
 * and released together when the handle closes (RocksDB options are native memory, not garbage
 * collected).
 */
final class RocksDbTuning implements AutoCloseable {
  // Modest write buffers: a node has several columns, and tests run several nodes at once.
  private static final long WRITE_BUFFER_BYTES = 32L << 20;
  private static final int MAX_OPEN_FILES = 1024;

  final LRUCache blockCache;
  final BloomFilter bloomFilter;
  final ColumnFamilyOptions columnOptions;
  final DBOptions dbOptions;
  final WriteOptions writeOptions;

  RocksDbTuning(StorageOptions options) {
    blockCache = new LRUCache(Math.max(options.blockCacheBytes(), 1L << 20));
    bloomFilter = new BloomFilter(10, false);
    columnOptions =
        new ColumnFamilyOptions()
            .setWriteBufferSize(WRITE_BUFFER_BYTES)
            .setLevelCompactionDynamicLevelBytes(true)
            .setTableFormatConfig(
                new BlockBasedTableConfig()
                    .setBlockCache(blockCache)
                    .setFilterPolicy(bloomFilter)
                    .setCacheIndexAndFilterBlocks(true));
    dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxOpenFiles(MAX_OPEN_FILES);
    // With sync off, the write-ahead log still reaches the OS before a commit returns.
    writeOptions = new WriteOptions().setSync(options.syncWrites());
  }

  @Override
  public void close() {
    writeOptions.close();
    dbOptions.close();
    columnOptions.close();
    bloomFilter.close();
    blockCache.close();
  }
}
