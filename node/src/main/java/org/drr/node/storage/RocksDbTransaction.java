package org.drr.node.storage;

import java.util.Objects;

/**
 * A {@link StorageTransaction} on a {@link RocksDbStorage}: writes are staged in Java as {@link
 * StagedWrites} and applied at commit as one RocksDB write batch.
 */
final class RocksDbTransaction implements StorageTransaction {
  private final RocksDbStorage storage;
  private final StagedWrites writes = new StagedWrites();
  private boolean finished;

  RocksDbTransaction(RocksDbStorage storage) {
    this.storage = storage;
  }

  @Override
  public void put(Column column, byte[] key, byte[] value) {
    checkActive();
    writes.add(
        storage.columnId(column),
        Objects.requireNonNull(key, "key"),
        Objects.requireNonNull(value, "value")); // a null value would stage a delete
  }

  @Override
  public void delete(Column column, byte[] key) {
    checkActive();
    writes.add(storage.columnId(column), Objects.requireNonNull(key, "key"), null);
  }

  @Override
  public void commit() {
    checkActive();
    finished = true;
    storage.write(writes);
  }

  private void checkActive() {
    if (finished) {
      throw new IllegalStateException("transaction already committed or closed");
    }
  }

  @Override
  public void close() {
    finished = true;
  }
}
