package org.drr.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LruCacheTest {
  @Test
  void evictsTheLeastRecentlyUsedEntryBeyondCapacity() {
    LruCache<String, Integer> cache = new LruCache<>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    assertEquals(1, cache.get("a")); // "b" is now the least recently used
    cache.put("c", 3);
    assertNull(cache.get("b"));
    assertEquals(1, cache.get("a"));
    assertEquals(3, cache.get("c"));
    assertEquals(2, cache.size());
    assertEquals(3, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new LruCache<String, String>(0));
  }
}
