package org.drr.node.storage;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;

/**
 * Contract code by code hash in {@link Column#CODE}, behind an LRU cache. Content-addressed like
 * trie nodes: a hash always names the same code, so the cache is never stale. Code is written into
 * the caller's {@link StorageTransaction} so that it lands atomically with the state that refers to
 * it.
 */
public final class CodeStorage {
  /** Default cache size: 4,096 contracts, at most 24 KiB each (EIP-170): under 100 MB. */
  public static final int DEFAULT_CACHE_ENTRIES = 4096;

  private final KeyValueStorage storage;
  private final LruCache<Bytes32, Bytes> cache;

  public CodeStorage(KeyValueStorage storage, int cacheEntries) {
    if (!storage.columns().contains(Column.CODE)) {
      throw new IllegalArgumentException(
          "storage was opened without column '"
              + Column.CODE
              + "'; open columns: "
              + storage.columns());
    }
    this.storage = storage;
    this.cache = new LruCache<>(cacheEntries);
  }

  public CodeStorage(KeyValueStorage storage) {
    this(storage, DEFAULT_CACHE_ENTRIES);
  }

  /** The code whose keccak-256 is {@code codeHash}; the empty code for the empty code hash. */
  public Optional<Bytes> get(Bytes32 codeHash) {
    if (codeHash.equals(Keccak256.EMPTY)) {
      return Optional.of(Bytes.EMPTY);
    }
    Bytes cached = cache.get(codeHash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Bytes> stored = storage.get(Column.CODE, codeHash.toArrayUnsafe()).map(Bytes::wrap);
    stored.ifPresent(code -> cache.put(codeHash, code));
    return stored;
  }

  /**
   * Stages {@code code} under its hash in {@code transaction} and returns the hash. Empty code is
   * never stored (every account without code shares its hash).
   */
  public Bytes32 stage(Bytes code, StorageTransaction transaction) {
    Bytes32 codeHash = Keccak256.hash(code);
    if (!code.isEmpty()) {
      transaction.put(Column.CODE, codeHash.toArrayUnsafe(), code.toArrayUnsafe());
      cache.put(codeHash, code);
    }
    return codeHash;
  }
}
