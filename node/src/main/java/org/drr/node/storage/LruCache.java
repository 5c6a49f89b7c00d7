package org.drr.node.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe cache holding at most {@code capacity} entries, evicting the least recently used.
 * Meant for immutable, content-addressed values (contract code by hash), where a cached entry can
 * never become stale.
 */
public final class LruCache<K, V> {
  private final int capacity;
  private final LinkedHashMap<K, V> entries;
  private long hits;
  private long misses;

  public LruCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > LruCache.this.capacity;
          }
        };
  }

  /** The cached value, or {@code null}; a hit makes the entry most recently used. */
  public synchronized V get(K key) {
    V value = entries.get(key);
    if (value == null) {
      misses++;
    } else {
      hits++;
    }
    return value;
  }

  public synchronized void put(K key, V value) {
    entries.put(key, value);
  }

  public synchronized int size() {
    return entries.size();
  }

  public int capacity() {
    return capacity;
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }
}
