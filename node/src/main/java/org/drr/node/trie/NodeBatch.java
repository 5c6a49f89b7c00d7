package org.drr.node.trie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Encoded trie nodes waiting to be written, keyed by hash. A trie {@link
 * MerklePatriciaTrie#commit(NodeBatch) commits} into a batch; the owner of the batch writes it, so
 * several tries (the account trie and many storage tries) can land in one atomic write.
 *
 * <p>Not thread-safe while it is being filled; once a store holds it for readers ({@link
 * org.drr.node.storage.TrieNodeStorage#holdUnwritten}), it is only read.
 */
public final class NodeBatch {
  private final Map<Bytes32, byte[]> nodes = new LinkedHashMap<>();
  /** The nodes a trie committed (not code, not raw puts), children before parents. */
  private final List<Node> committed = new ArrayList<>();

  /** Adds a node; adding the same hash again is a no-op (same hash, same encoding). */
  public void put(Bytes32 hash, byte[] encoding) {
    nodes.putIfAbsent(hash, encoding);
  }

  /** Adds a node a trie committed, keeping it for {@link #cacheNodesIn}. */
  void put(Node node) {
    put(Bytes32.wrap(node.hash()), node.encoding());
    committed.add(node);
  }

  /**
   * Puts the committed nodes into {@code cache}, once the batch is on disk. The next block's
   * tries start from the roots just written; without this, every node they cross that the last
   * block changed would be read back from storage and decoded again, since the cache only ever
   * held nodes that were read.
   *
   * <p>Each node is cached {@link Node#detached() detached}, as a read would have produced it,
   * not as the committing trie holds it: that one refers to its children as objects, and through
   * them to every node its trie ever loaded or changed, which the cache would then keep alive
   * without bound.
   */
  public void cacheNodesIn(NodeCache cache) {
    for (Node node : committed) {
      cache.put(Bytes32.wrap(node.hash()), node.detached());
    }
  }

  /**
   * Marks the nodes a trie {@link MerklePatriciaTrie#collectAhead collected ahead} as written, as
   * {@link MerklePatriciaTrie#commit(NodeBatch)} would have; only valid if their tries did not
   * change since. (A node inlined in its parent is only ever reached through that parent.)
   */
  public void markWritten() {
    for (Node node : committed) {
      node.markPersisted();
    }
  }

  /** The encoding of the node with {@code hash}, or null if the batch has none. */
  public byte[] get(Bytes32 hash) {
    return nodes.get(hash);
  }

  public int size() {
    return nodes.size();
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  /** Visits the nodes in the order they were added (children before their parents). */
  public void forEach(BiConsumer<Bytes32, byte[]> action) {
    nodes.forEach(action);
  }

  /** Empties the batch, e.g. after it was written. */
  public void clear() {
    nodes.clear();
    committed.clear();
  }
}
