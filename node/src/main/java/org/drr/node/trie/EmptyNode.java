package org.drr.node.trie;

import org.drr.node.rlp.RlpWriter;

/** The empty trie, and an empty branch slot: encoded as the empty string {@code 0x80}. */
final class EmptyNode extends Node {
  static final EmptyNode INSTANCE = new EmptyNode();

  private EmptyNode() {
    markPersisted();
  }

  @Override
  void writeTo(RlpWriter writer) {
    writer.writeBytes(Nibbles.EMPTY);
  }

  @Override
  int sizeHint() {
    return 1;
  }

  @Override
  public String toString() {
    return "Empty";
  }
}
