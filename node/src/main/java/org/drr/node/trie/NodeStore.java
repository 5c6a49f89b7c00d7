package org.drr.node.trie;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Where a trie's nodes live between uses: RLP encodings keyed by their keccak-256 hash.
 *
 * <p>Content addressing makes the store append-only in effect: a hash always maps to the same
 * encoding, so caches in front of it never go stale and writing a node twice is harmless.
 */
public interface NodeStore {
  /**
   * The encoding of the node whose keccak-256 is {@code hash}, or empty if this store does not hold
   * it. Implementations need not verify the hash; the trie does when it matters (proofs).
   */
  Optional<byte[]> get(Bytes32 hash);

  /** Stores every node of {@code batch} atomically: after a crash, all of them or none. */
  void putAll(NodeBatch batch);

  /**
   * The cache of decoded nodes that tries over this store share, or {@code null} if tries should
   * decode every node they load (fine for stores in memory, where nothing is slow to read).
   */
  default NodeCache nodeCache() {
    return null;
  }
}
