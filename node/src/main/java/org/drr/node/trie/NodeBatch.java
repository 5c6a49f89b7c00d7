package org.drr.node.trie;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Encoded trie nodes waiting to be written, keyed by hash. A trie {@link
 * MerklePatriciaTrie#commit(NodeBatch) commits} into a batch; the owner of the batch writes it, so
 * several tries (the account trie and many storage tries) can land in one atomic write.
 *
 * <p>Not thread-safe.
 */
public final class NodeBatch {
  private final Map<Bytes32, byte[]> nodes = new LinkedHashMap<>();

  /** Adds a node; adding the same hash again is a no-op (same hash, same encoding). */
  public void put(Bytes32 hash, byte[] encoding) {
    nodes.putIfAbsent(hash, encoding);
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
  }
}
