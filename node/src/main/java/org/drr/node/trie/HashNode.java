package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rlp.RlpWriter;

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
  byte[] encoding() {
    throw new IllegalStateException("node " + hashBytes() + " is not loaded; load it first");
  }

  @Override
  void writeReference(RlpWriter writer) {
    writer.writeBytes(hash);
  }

  @Override
  boolean isInlined() {
    return false;
  }

  @Override
  void writeTo(RlpWriter writer) {
    throw new IllegalStateException("node " + hashBytes() + " is not loaded; load it first");
  }

  @Override
  int sizeHint() {
    return 33;
  }

  @Override
  public String toString() {
    return "Hash[" + hashBytes().toHexString() + "]";
  }
}
