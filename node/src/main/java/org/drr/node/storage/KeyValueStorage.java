package org.drr.node.storage;

import java.util.Optional;
import java.util.Set;

/**
 * The node's persistent key-value store: byte keys to byte values in named {@link Column}s, written
 * only through atomic {@link StorageTransaction}s.
 *
 * <p>Reads are thread-safe and may run concurrently with a commit; they see each transaction
 * entirely or not at all. Using a column that was not opened is an {@link
 * IllegalArgumentException}; using the storage after {@link #close()} is an {@link
 * IllegalStateException}.
 */
public interface KeyValueStorage extends AutoCloseable {
  /** The value of {@code key} in {@code column}, or empty. The returned array is the caller's. */
  Optional<byte[]> get(Column column, byte[] key);

  /**
   * Visits the entries of {@code column} whose key starts with {@code prefix}, in ascending
   * unsigned byte order of key, until the visitor returns {@code false}. An empty prefix visits the
   * whole column.
   */
  void scan(Column column, byte[] prefix, EntryVisitor visitor);

  /** A new, empty transaction; see {@link StorageTransaction} for its guarantees. */
  StorageTransaction startTransaction();

  /** The columns this handle can use. */
  Set<Column> columns();

  /** Releases the database (and its lock); idempotent. */
  @Override
  void close();

  /** Receives entries from {@link #scan}; returns whether to continue. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(byte[] key, byte[] value);
  }
}
