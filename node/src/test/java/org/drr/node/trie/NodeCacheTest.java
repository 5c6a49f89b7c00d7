package org.drr.node.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.junit.jupiter.api.Test;

class NodeCacheTest {
  private static Bytes32 hash(int i) {
    return Keccak256.hash(Bytes.ofUnsignedInt(i));
  }

  @Test
  void evictsTheLeastRecentlyUsedNodeBeyondCapacity() {
    NodeCache cache = new NodeCache(2);
    Node a = new LeafNode(new byte[] {1}, new byte[] {1});
    Node b = new LeafNode(new byte[] {2}, new byte[] {2});
    Node c = new LeafNode(new byte[] {3}, new byte[] {3});
    cache.put(hash(1), a);
    cache.put(hash(2), b);
    assertSame(a, cache.get(hash(1))); // now hash(2) is the least recently used
    cache.put(hash(3), c);
    assertNull(cache.get(hash(2)));
    assertSame(a, cache.get(hash(1)));
    assertSame(c, cache.get(hash(3)));
    assertEquals(2, cache.size());
    assertEquals(3, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new NodeCache(0));
  }
}
