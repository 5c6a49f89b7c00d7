package org.drr.node.storage;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.trie.NodeBatch;
import org.drr.node.trie.NodeStore;

/**
 * The trie's {@link NodeStore} on {@link KeyValueStorage}: node hash → encoding in {@link
 * Column#TRIE_NODES}, behind an LRU cache of recently read and written nodes.
 *
 * <p>{@link #putAll} commits its own transaction. To make trie nodes part of a larger atomic
 * write (a block, its receipts and the head pointer), {@link #stage} them into the caller's
 * {@link StorageTransaction} instead.
 */
public final class TrieNodeStorage implements NodeStore {
  /** Default cache size: about 1M nodes of ~100-500 bytes each stays within a few hundred MB. */
  public static final int DEFAULT_CACHE_ENTRIES = 1 << 18;

  private final KeyValueStorage storage;
  private final LruCache<Bytes32, byte[]> cache;

  public TrieNodeStorage(KeyValueStorage storage, int cacheEntries) {
    if (!storage.columns().contains(Column.TRIE_NODES)) {
      throw new IllegalArgumentException(
          "storage was opened without column '"
              + Column.TRIE_NODES
              + "'; open columns: "
              + storage.columns());
    }
    this.storage = storage;
    this.cache = new LruCache<>(cacheEntries);
  }

  public TrieNodeStorage(KeyValueStorage storage) {
    this(storage, DEFAULT_CACHE_ENTRIES);
  }

  @Override
  public Optional<byte[]> get(Bytes32 hash) {
    byte[] cached = cache.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<byte[]> stored = storage.get(Column.TRIE_NODES, hash.toArrayUnsafe());
    stored.ifPresent(encoding -> cache.put(hash, encoding));
    return stored;
  }

  @Override
  public void putAll(NodeBatch batch) {
    try (StorageTransaction transaction = storage.startTransaction()) {
      stage(batch, transaction);
      transaction.commit();
    }
  }

  /**
   * Adds the nodes of {@code batch} to {@code transaction}; they become readable when it
   * commits. They are cached at once: being content-addressed, a cached node is correct even if
   * the transaction is later discarded (it is then merely unreachable from any stored root).
   */
  public void stage(NodeBatch batch, StorageTransaction transaction) {
    batch.forEach(
        (hash, encoding) -> {
          transaction.put(Column.TRIE_NODES, hash.toArrayUnsafe(), encoding);
          cache.put(hash, encoding);
        });
  }

  /** The node cache, for metrics. */
  public LruCache<Bytes32, byte[]> cache() {
    return cache;
  }
}
