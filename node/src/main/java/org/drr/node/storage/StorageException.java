package org.drr.node.storage;

import java.nio.file.Path;

/**
 * A storage operation failed: the database could not be opened (locked, corrupt, unreadable), or a
 * read or write failed. The message names the database path and what went wrong; the RocksDB cause
 * is kept.
 */
public class StorageException extends RuntimeException {
  private final Path path;

  public StorageException(Path path, String message, Throwable cause) {
    super("storage at " + path + ": " + message, cause);
    this.path = path;
  }

  public StorageException(Path path, String message) {
    this(path, message, null);
  }

  /** The database directory the failure concerns. */
  public Path path() {
    return path;
  }
}
