package org.drr.node.storage;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.trie.NodeBatch;
import org.drr.node.trie.NodeCache;
import org.drr.node.trie.NodeStore;

/**
 * The trie's {@link NodeStore} on {@link KeyValueStorage}: node hash → encoding in {@link
 * Column#TRIE_NODES}. Reads go through a bounded LRU {@link NodeCache} of decoded nodes, shared by
 * every trie over this store, then RocksDB's block cache, then disk.
 *
 * <p>{@link #putAll} commits its own transaction. To make trie nodes part of a larger atomic write
 * (a block, its receipts and the head pointer), {@link #stage} them into the caller's {@link
 * StorageTransaction} instead.
 */
public final class TrieNodeStorage implements NodeStore {
  private final KeyValueStorage storage;
  private final NodeCache cache;

  /**
   * @param cacheEntries how many decoded nodes to keep in memory
   */
  public TrieNodeStorage(KeyValueStorage storage, int cacheEntries) {
    if (!storage.columns().contains(Column.TRIE_NODES)) {
      throw new IllegalArgumentException(
          "storage was opened without column '"
              + Column.TRIE_NODES
              + "'; open columns: "
              + storage.columns());
    }
    this.storage = storage;
    this.cache = new NodeCache(cacheEntries);
  }

  public TrieNodeStorage(KeyValueStorage storage) {
    this(storage, NodeCache.DEFAULT_CAPACITY);
  }

  @Override
  public Optional<byte[]> get(Bytes32 hash) {
    return storage.get(Column.TRIE_NODES, hash.toArrayUnsafe());
  }

  @Override
  public void putAll(NodeBatch batch) {
    try (StorageTransaction transaction = storage.startTransaction()) {
      stage(batch, transaction);
      transaction.commit();
    }
  }

  /**
   * Adds the nodes of {@code batch} to {@code transaction}; they become readable when it commits.
   */
  public void stage(NodeBatch batch, StorageTransaction transaction) {
    batch.forEach(
        (hash, encoding) -> transaction.put(Column.TRIE_NODES, hash.toArrayUnsafe(), encoding));
  }

  /** The decoded-node cache shared by tries over this store (its counters feed metrics). */
  @Override
  public NodeCache nodeCache() {
    return cache;
  }
}
