package org.drr.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;

/**
 * {@link KeyValueStorage} on a RocksDB database directory, one column family per {@link Column}.
 *
 * <p>Open with {@link #open}; a database can be open in one handle at a time (RocksDB holds a file
 * lock), which is reported as a clear {@link StorageException} rather than RocksDB's message alone.
 * Transactions are RocksDB write batches applied with one {@code write} call, so they are atomic
 * across columns; with {@link StorageOptions#syncWrites()} the write-ahead log is fsynced before
 * commit returns.
 */
public final class RocksDbStorage implements KeyValueStorage {
  static {
    RocksDB.loadLibrary();
  }

  private final Path path;
  private final RocksDB db;
  private final RocksDbTuning tuning;
  private final List<ColumnFamilyHandle> allHandles;
  private final Map<Column, ColumnFamilyHandle> handles;
  private final Map<Column, Integer> columnIds = new HashMap<>();
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lifecycle

  private RocksDbStorage(
      Path path,
      RocksDB db,
      RocksDbTuning tuning,
      List<ColumnFamilyHandle> allHandles,
      Map<Column, ColumnFamilyHandle> handles) {
    this.path = path;
    this.db = db;
    this.tuning = tuning;
    this.allHandles = allHandles;
    this.handles = handles;
    handles.forEach((column, handle) -> columnIds.put(column, handle.getID()));
  }

  /**
   * Opens (creating if needed) the database in directory {@code path} with the given columns.
   *
   * @throws StorageException if the directory cannot be created, the database is locked by another
   *     handle or process, or its files are corrupt; the message says which
   */
  public static RocksDbStorage open(Path path, StorageOptions options) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new StorageException(path, "cannot create the database directory", e);
    }
    // RocksDB must be opened with every column family the database has, listed or not.
    Set<String> names = new LinkedHashSet<>();
    names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
    for (byte[] name : existingColumnFamilies(path)) {
      names.add(new String(name, StandardCharsets.UTF_8));
    }
    for (Column column : options.columns()) {
      names.add(column.name());
    }
    RocksDbTuning tuning = new RocksDbTuning(options);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : names) {
      descriptors.add(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), tuning.columnOptions));
    }
    List<ColumnFamilyHandle> allHandles = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.open(tuning.dbOptions, path.toString(), descriptors, allHandles);
    } catch (RocksDBException e) {
      tuning.close();
      throw openFailure(path, e);
    }
    Map<Column, ColumnFamilyHandle> handles = new LinkedHashMap<>();
    List<String> ordered = new ArrayList<>(names);
    for (Column column : options.columns()) {
      handles.put(column, allHandles.get(ordered.indexOf(column.name())));
    }
    return new RocksDbStorage(path, db, tuning, allHandles, handles);
  }

  private static List<byte[]> existingColumnFamilies(Path path) {
    if (!Files.exists(path.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options listOptions = new Options()) {
      return RocksDB.listColumnFamilies(listOptions, path.toString());
    } catch (RocksDBException e) {
      throw openFailure(path, e);
    }
  }

  private static StorageException openFailure(Path path, RocksDBException e) {
    Status status = e.getStatus();
    String detail = e.getMessage();
    if (detail != null && detail.contains("lock")) {
      return new StorageException(
          path,
          "the database is locked: another drr node (or another handle in this process) has it"
              + " open. Stop it, or use a different data path. RocksDB said: "
              + detail,
          e);
    }
    if (status != null && status.getCode() == Status.Code.Corruption) {
      return new StorageException(
          path, "the database files are corrupt and cannot be opened. RocksDB said: " + detail, e);
    }
    return new StorageException(path, "cannot open the database. RocksDB said: " + detail, e);
  }

  /** The database directory. */
  public Path path() {
    return path;
  }

  @Override
  public Optional<byte[]> get(Column column, byte[] key) {
    return whileOpen("read of", column, () -> Optional.ofNullable(db.get(handle(column), key)));
  }

  @Override
  public void scan(Column column, byte[] prefix, EntryVisitor visitor) {
    whileOpen(
        "scan of",
        column,
        () -> {
          try (ReadOptions readOptions = new ReadOptions();
              RocksIterator iterator = db.newIterator(handle(column), readOptions)) {
            iterator.seek(prefix);
            while (iterator.isValid()) {
              byte[] key = iterator.key();
              if (!startsWith(key, prefix) || !visitor.visit(key, iterator.value())) {
                return null;
              }
              iterator.next();
            }
            iterator.status();
          }
          return null;
        });
  }

  /**
   * RocksDB's estimate of the bytes {@code column} occupies: its SST files plus its memtables. For
   * metrics and for measuring storage cost; not exact (compaction changes it).
   */
  public long approximateSizeBytes(Column column) {
    return whileOpen("size of", column, () -> sizeOf(handle(column)));
  }

  /** {@link #approximateSizeBytes(Column)} summed over every column family in the database. */
  public long approximateSizeBytes() {
    return whileOpen(
        "size of",
        null,
        () -> {
          long total = 0;
          for (ColumnFamilyHandle handle : allHandles) {
            total += sizeOf(handle);
          }
          return total;
        });
  }

  private long sizeOf(ColumnFamilyHandle handle) throws RocksDBException {
    return db.getLongProperty(handle, "rocksdb.total-sst-files-size")
        + db.getLongProperty(handle, "rocksdb.size-all-mem-tables");
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public StorageTransaction startTransaction() {
    return whileOpen("transaction on", null, () -> new RocksDbTransaction(this));
  }

  /** Applies a transaction's writes as one write batch. */
  void write(StagedWrites writes) {
    byte[] encoded = writes.encode();
    whileOpen(
        "commit (nothing was written) of a transaction on",
        null,
        () -> {
          try (WriteBatch batch = new WriteBatch(encoded)) {
            db.write(tuning.writeOptions, batch);
          }
          return null;
        });
  }

  /** A RocksDB operation that may fail. */
  @FunctionalInterface
  interface RocksCall<T> {
    T call() throws RocksDBException;
  }

  /**
   * Runs {@code call} while the database is guaranteed open: native handles used after close would
   * crash the JVM, so every use holds the read side of a lock that {@link #close} takes
   * exclusively.
   *
   * @throws IllegalStateException if the storage is closed
   * @throws StorageException if RocksDB fails; the message names the operation and column
   */
  <T> T whileOpen(String operation, Column column, RocksCall<T> call) {
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      checkOpen();
      return call.call();
    } catch (RocksDBException e) {
      String target = column == null ? "the database" : "column '" + column + "'";
      throw new StorageException(path, operation + " " + target + " failed", e);
    } finally {
      lock.unlock();
    }
  }

  /** RocksDB's id of an opened column, as a serialized write batch names it. */
  int columnId(Column column) {
    Integer id = columnIds.get(column);
    if (id == null) {
      throw notOpened(column);
    }
    return id;
  }

  /** The handle of an opened column; call only inside {@link #whileOpen}. */
  ColumnFamilyHandle handle(Column column) {
    ColumnFamilyHandle handle = handles.get(column);
    if (handle == null) {
      throw notOpened(column);
    }
    return handle;
  }

  private IllegalArgumentException notOpened(Column column) {
    return new IllegalArgumentException(
        "column '" + column + "' was not opened; open columns: " + handles.keySet());
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("storage at " + path + " is closed");
    }
  }

  @Override
  public Set<Column> columns() {
    return handles.keySet();
  }

  @Override
  public void close() {
    Lock lock = lifecycle.writeLock();
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        release();
      }
    } finally {
      lock.unlock();
    }
  }

  private void release() {
    for (ColumnFamilyHandle handle : allHandles) {
      handle.close();
    }
    db.close();
    tuning.close();
  }
}
