package org.drr.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link KeyValueStorage} on a RocksDB database directory, one column family per {@link Column}.
 *
 * <p>Open with {@link #open}; a database can be open in one handle at a time (RocksDB holds a
 * file lock), which is reported as a clear {@link StorageException} rather than RocksDB's
 * message alone. Transactions are RocksDB write batches applied with one {@code write} call, so
 * they are atomic across columns; with {@link StorageOptions#syncWrites()} the write-ahead log
 * is fsynced before commit returns.
 */
public final class RocksDbStorage implements KeyValueStorage {
  static {
    RocksDB.loadLibrary();
  }

  private static final byte[] DEFAULT_COLUMN = RocksDB.DEFAULT_COLUMN_FAMILY;
  private static final long WRITE_BUFFER_BYTES = 32L << 20;

  private final Path path;
  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions columnOptions;
  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final WriteOptions writeOptions;
  private final List<ColumnFamilyHandle> allHandles;
  private final Map<Column, ColumnFamilyHandle> handles;
  private volatile boolean closed;

  private RocksDbStorage(
      Path path,
      RocksDB db,
      DBOptions dbOptions,
      ColumnFamilyOptions columnOptions,
      LRUCache blockCache,
      BloomFilter bloomFilter,
      WriteOptions writeOptions,
      List<ColumnFamilyHandle> allHandles,
      Map<Column, ColumnFamilyHandle> handles) {
    this.path = path;
    this.db = db;
    this.dbOptions = dbOptions;
    this.columnOptions = columnOptions;
    this.blockCache = blockCache;
    this.bloomFilter = bloomFilter;
    this.writeOptions = writeOptions;
    this.allHandles = allHandles;
    this.handles = handles;
  }

  /**
   * Opens (creating if needed) the database in directory {@code path} with the given columns.
   *
   * @throws StorageException if the directory cannot be created, the database is locked by
   *     another handle or process, or its files are corrupt; the message says which
   */
  public static RocksDbStorage open(Path path, StorageOptions options) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new StorageException(path, "cannot create the database directory", e);
    }
    List<byte[]> existing = existingColumnFamilies(path);
    LRUCache blockCache = new LRUCache(Math.max(options.blockCacheBytes(), 1L << 20));
    BloomFilter bloomFilter = new BloomFilter(10, false);
    // Modest write buffers: a node has several columns and tests run several nodes at once.
    ColumnFamilyOptions columnOptions =
        new ColumnFamilyOptions()
            .setWriteBufferSize(WRITE_BUFFER_BYTES)
            .setLevelCompactionDynamicLevelBytes(true)
            .setTableFormatConfig(
                new BlockBasedTableConfig()
                    .setBlockCache(blockCache)
                    .setFilterPolicy(bloomFilter)
                    .setCacheIndexAndFilterBlocks(true));
    DBOptions dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxOpenFiles(1024);
    WriteOptions writeOptions = new WriteOptions().setSync(options.syncWrites());

    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    names.add(new String(DEFAULT_COLUMN, StandardCharsets.UTF_8));
    for (byte[] name : existing) {
      names.add(new String(name, StandardCharsets.UTF_8));
    }
    for (Column column : options.columns()) {
      names.add(column.name());
    }
    for (String name : names) {
      descriptors.add(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
    }
    List<ColumnFamilyHandle> allHandles = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.open(dbOptions, path.toString(), descriptors, allHandles);
    } catch (RocksDBException e) {
      writeOptions.close();
      dbOptions.close();
      columnOptions.close();
      bloomFilter.close();
      blockCache.close();
      throw openFailure(path, e);
    }
    Map<Column, ColumnFamilyHandle> handles = new LinkedHashMap<>();
    List<String> ordered = new ArrayList<>(names);
    for (Column column : options.columns()) {
      handles.put(column, allHandles.get(ordered.indexOf(column.name())));
    }
    return new RocksDbStorage(
        path,
        db,
        dbOptions,
        columnOptions,
        blockCache,
        bloomFilter,
        writeOptions,
        allHandles,
        handles);
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
    ColumnFamilyHandle handle = handle(column);
    try {
      return Optional.ofNullable(db.get(handle, key));
    } catch (RocksDBException e) {
      throw new StorageException(path, "read of column '" + column + "' failed", e);
    }
  }

  @Override
  public void scan(Column column, byte[] prefix, EntryVisitor visitor) {
    ColumnFamilyHandle handle = handle(column);
    try (ReadOptions readOptions = new ReadOptions();
        RocksIterator iterator = db.newIterator(handle, readOptions)) {
      iterator.seek(prefix);
      while (iterator.isValid()) {
        byte[] key = iterator.key();
        if (!startsWith(key, prefix) || !visitor.visit(key, iterator.value())) {
          return;
        }
        iterator.next();
      }
      iterator.status();
    } catch (RocksDBException e) {
      throw new StorageException(path, "scan of column '" + column + "' failed", e);
    }
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public StorageTransaction startTransaction() {
    checkOpen();
    return new RocksDbTransaction(this, new WriteBatch());
  }

  void write(WriteBatch batch) {
    checkOpen();
    try {
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StorageException(path, "commit of a transaction failed; nothing was written", e);
    }
  }

  ColumnFamilyHandle handle(Column column) {
    checkOpen();
    ColumnFamilyHandle handle = handles.get(column);
    if (handle == null) {
      throw new IllegalArgumentException(
          "column '" + column + "' was not opened; open columns: " + handles.keySet());
    }
    return handle;
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
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ColumnFamilyHandle handle : allHandles) {
      handle.close();
    }
    db.close();
    writeOptions.close();
    dbOptions.close();
    columnOptions.close();
    bloomFilter.close();
    blockCache.close();
  }
}
