package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes32;

/** Loads {@link HashNode}s from a {@link NodeStore}, decoding them on the way. */
final class NodeLoader {
  private final NodeStore store;
  private final NodeCache cache; // null: none

  NodeLoader(NodeStore store) {
    this.store = store;
    this.cache = store.nodeCache();
  }

  NodeStore store() {
    return store;
  }

  /** {@code node} itself, or the stored node it refers to if it is a {@link HashNode}. */
  Node resolve(Node node) {
    return node instanceof HashNode reference ? load(reference) : node;
  }

  /**
   * The node {@code reference} points to.
   *
   * @throws MissingNodeException if the store does not hold it
   * @throws MalformedNodeException if the stored bytes are not a trie node
   */
  Node load(HashNode reference) {
    Bytes32 hash = reference.hashBytes();
    if (cache != null) {
      Node cached = cache.get(hash);
      if (cached != null) {
        return cached;
      }
    }
    byte[] encoding = store.get(hash).orElseThrow(() -> new MissingNodeException(hash));
    try {
      Node node = NodeDecoder.decode(encoding, reference.hash());
      if (cache != null) {
        cache.put(hash, node);
      }
      return node;
    } catch (MalformedNodeException e) {
      throw new MalformedNodeException(
          "stored trie node " + hash.toHexString() + " is malformed: " + e.getMessage(), e);
    }
  }
}
