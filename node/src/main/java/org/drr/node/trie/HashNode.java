package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes32;

/**
 * A reference, by hash, to a stored node not loaded yet. The trie loads it from its {@link
 * NodeStore} when a lookup or update goes through it; untouched subtrees stay unloaded.
 */
final class HashNode extends Node {
  private final byte[] hash;

  /** {@code hash} (32 bytes) is owned by the node from now on. */
  HashNode(byte[] hash) {
    this.hash = hash;
    markPersisted();
  }

  @Override
  byte[] hash() {
    return hash;
  }

  Bytes32 hashBytes() {
    return Bytes32.wrap(hash);
  }

  @Override
  byte[] encode() {
    throw new IllegalStateException("node " + hashBytes() + " is not loaded; load it first");
  }

  @Override
  boolean isInlined() {
    return false;
  }

  @Override
  public String toString() {
    return "Hash[" + hashBytes().toHexString() + "]";
  }
}
