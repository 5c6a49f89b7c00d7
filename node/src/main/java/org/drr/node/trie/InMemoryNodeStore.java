package org.drr.node.trie;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A {@link NodeStore} in a hash map: for tries that are built, hashed and dropped (transaction and
 * receipt roots, tests, proofs). Thread-safe; {@link #putAll} is atomic only in the sense that a
 * reader never sees a torn node.
 */
public final class InMemoryNodeStore implements NodeStore {
  private final ConcurrentHashMap<Bytes32, byte[]> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<byte[]> get(Bytes32 hash) {
    return Optional.ofNullable(nodes.get(hash));
  }

  @Override
  public void putAll(NodeBatch batch) {
    batch.forEach(nodes::put);
  }

  /** How many nodes are stored. */
  public int size() {
    return nodes.size();
  }
}
