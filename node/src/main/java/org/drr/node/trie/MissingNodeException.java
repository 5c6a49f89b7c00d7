package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes32;

/**
 * A trie needed a node its {@link NodeStore} does not hold: the store is incomplete (pruned, or a
 * commit was never written) or the root hash is wrong.
 */
public final class MissingNodeException extends IllegalStateException {
  private final Bytes32 hash;

  public MissingNodeException(Bytes32 hash) {
    super("trie node " + hash.toHexString() + " is not in the node store");
    this.hash = hash;
  }

  /** The hash of the missing node. */
  public Bytes32 hash() {
    return hash;
  }
}
