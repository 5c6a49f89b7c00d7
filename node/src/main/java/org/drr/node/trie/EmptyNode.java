package org.drr.node.trie;

/** The empty trie, and an empty branch slot: encoded as the empty string {@code 0x80}. */
final class EmptyNode extends Node {
  static final EmptyNode INSTANCE = new EmptyNode();

  private EmptyNode() {
    markPersisted();
  }

  @Override
  byte[] encode() {
    return new byte[] {(byte) 0x80};
  }

  @Override
  public String toString() {
    return "Empty";
  }
}
