package org.drr.node.storage;

import org.rocksdb.WriteBatch;

/** A {@link StorageTransaction} staged in a RocksDB {@link WriteBatch}, applied in one write. */
final class RocksDbTransaction implements StorageTransaction {
  private final RocksDbStorage storage;
  private final WriteBatch batch;
  private boolean finished;

  RocksDbTransaction(RocksDbStorage storage, WriteBatch batch) {
    this.storage = storage;
    this.batch = batch;
  }

  @Override
  public void put(Column column, byte[] key, byte[] value) {
    checkActive();
    storage.whileOpen(
        "staging a put in",
        column,
        () -> {
          batch.put(storage.handle(column), key, value);
          return null;
        });
  }

  @Override
  public void delete(Column column, byte[] key) {
    checkActive();
    storage.whileOpen(
        "staging a delete in",
        column,
        () -> {
          batch.delete(storage.handle(column), key);
          return null;
        });
  }

  @Override
  public void commit() {
    checkActive();
    try {
      storage.write(batch);
    } finally {
      finished = true;
      batch.close();
    }
  }

  private void checkActive() {
    if (finished) {
      throw new IllegalStateException("transaction already committed or closed");
    }
  }

  @Override
  public void close() {
    if (!finished) {
      finished = true;
      batch.close();
    }
  }
}
