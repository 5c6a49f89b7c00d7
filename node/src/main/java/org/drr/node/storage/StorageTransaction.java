package org.drr.node.storage;

/**
 * An atomic batch of writes across columns. Nothing written here is visible to readers of the
 * storage, nor durable, until {@link #commit()} returns; then all of it is, or (on failure or
 * crash) none of it is. Reads through the storage never see a partial transaction.
 *
 * <p>A transaction keeps the arrays it is given, not copies: do not change a key or value after
 * staging it.
 *
 * <p>Single-threaded: one writer builds a transaction. Closing without committing discards it.
 * After commit or close, every method except {@code close} throws {@link IllegalStateException}.
 */
public interface StorageTransaction extends AutoCloseable {
  /** Stages {@code key → value} in {@code column}, replacing any earlier value of the key. */
  void put(Column column, byte[] key, byte[] value);

  /** Stages the removal of {@code key} from {@code column}; absent keys are no error. */
  void delete(Column column, byte[] key);

  /**
   * Writes everything staged, atomically (and durably when the storage syncs writes).
   *
   * @throws StorageException if the write fails; then nothing was written
   */
  void commit();

  /** Discards the transaction if it was not committed; idempotent. */
  @Override
  void close();
}
