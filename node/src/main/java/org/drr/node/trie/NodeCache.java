package org.drr.node.trie;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Decoded trie nodes by hash, least recently used evicted beyond a fixed count, shared by every
 * trie that reads the same {@link NodeStore} (see {@link NodeStore#nodeCache()}).
 *
 * <p>Caching decoded nodes rather than bytes means the upper trie levels, which every lookup
 * crosses, are decoded once instead of once per lookup. Nodes are immutable and content addressed,
 * so a cached node is never stale and may be shared between tries and threads. Thread-safe.
 */
public final class NodeCache {
  /** Default size: 65,536 nodes, at most ~2 KB each (a branch of 16 hashes): under 128 MB. */
  public static final int DEFAULT_CAPACITY = 1 << 16;

  private final int capacity;
  private final LinkedHashMap<Bytes32, Node> nodes;
  private long hits;
  private long misses;

  public NodeCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("node cache capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.nodes =
        new LinkedHashMap<>(Math.min(capacity, 1 << 12), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Bytes32, Node> eldest) {
            return size() > NodeCache.this.capacity;
          }
        };
  }

  synchronized Node get(Bytes32 hash) {
    Node node = nodes.get(hash);
    if (node == null) {
      misses++;
    } else {
      hits++;
    }
    return node;
  }

  synchronized void put(Bytes32 hash, Node node) {
    nodes.put(hash, node);
  }

  public int capacity() {
    return capacity;
  }

  public synchronized int size() {
    return nodes.size();
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }
}
