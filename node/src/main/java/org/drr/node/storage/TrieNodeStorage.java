package org.drr.node.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.trie.NodeBatch;
import org.drr.node.trie.NodeCache;
import org.drr.node.trie.NodeStore;

/**
 * The trie's {@link NodeStore} on {@link KeyValueStorage}: node hash → encoding in {@link
 * Column#TRIE_NODES}. Reads go through a bounded LRU {@link NodeCache} of decoded nodes, shared by
 * every trie over this store, then RocksDB's block cache, then disk. Nodes enter the cache when
 * read and when a write of them lands.
 *
 * <p>{@link #putAll} commits its own transaction. To make trie nodes part of a larger atomic write
 * (a block, its receipts and the head pointer), {@link #stage} them into the caller's {@link
 * StorageTransaction} instead.
 *
 * <p>Nodes of a block whose write is still in progress are held in memory ({@link #holdUnwritten})
 * until it lands, so the next block's tries can already read them.
 */
public final class TrieNodeStorage implements NodeStore {
  private final KeyValueStorage storage;
  private final NodeCache cache;
  /**
   * Batches staged into a write that has not landed yet (one or two: the block being written and
   * the one being accepted), newest first. Holding the batch itself, not its nodes one by one,
   * makes holding a block's tens of thousands of nodes cost nothing when the block is accepted.
   */
  private final List<NodeBatch> unwritten = new CopyOnWriteArrayList<>();

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
    for (NodeBatch batch : unwritten) {
      byte[] pending = batch.get(hash);
      if (pending != null) {
        return Optional.of(pending);
      }
    }
    return storage.get(Column.TRIE_NODES, hash.toArrayUnsafe());
  }

  /**
   * Makes the nodes of {@code batch} readable before the write that stages them lands; other
   * threads read it from now on, so it must not change any more.
   */
  public void holdUnwritten(NodeBatch batch) {
    unwritten.add(0, batch);
  }

  /**
   * Forgets the held nodes of {@code batch} once its write landed or failed. Only a write that
   * landed puts its trie nodes into the node cache: the tries that committed them already count
   * them as stored and will never write them again, so after a failed write they must not be
   * found anywhere but through a trie reloaded from disk.
   */
  public void releaseUnwritten(NodeBatch batch, boolean landed) {
    if (landed) {
      batch.cacheNodesIn(cache); // before they stop being held, so no read finds neither
    }
    unwritten.remove(batch);
  }

  @Override
  public void putAll(NodeBatch batch) {
    try (StorageTransaction transaction = storage.startTransaction()) {
      stage(batch, transaction);
      transaction.commit();
    }
    batch.cacheNodesIn(cache);
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
