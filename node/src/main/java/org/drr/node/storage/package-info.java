/**
 * The node's persistent storage: RocksDB with one column family per kind of data.
 *
 * <ul>
 *   <li>{@link org.drr.node.storage.KeyValueStorage} and {@link
 *       org.drr.node.storage.RocksDbStorage}: byte keys to byte values in named {@link
 *       org.drr.node.storage.Column}s; clear errors for a locked or corrupt database.
 *   <li>{@link org.drr.node.storage.StorageTransaction}: an atomic write batch across columns,
 *       invisible until committed and, with synchronous writes, durable when commit returns — how a
 *       block, its trie nodes and the head pointer land together.
 *   <li>{@link org.drr.node.storage.TrieNodeStorage} (trie nodes by hash, with a decoded-node
 *       cache) and {@link org.drr.node.storage.CodeStorage} (contract code by hash).
 * </ul>
 */
package org.drr.node.storage;
