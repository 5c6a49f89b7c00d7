package org.drr.node.trie;

import java.util.Arrays;
import org.drr.node.rlp.RlpArrays;

/**
 * Sixteen children, one per next nibble, and the value of the key ending here (if any): {@code
 * [child0, ..., child15, value]}, empty slots and an absent value as {@code 0x80}.
 */
final class BranchNode extends Node {
  private final Node[] children;
  private final byte[] value;

  /** {@code children} (16, empty slots as {@link EmptyNode}) is owned by the node from now on. */
  BranchNode(Node[] children, byte[] value) {
    this.children = children;
    this.value = value;
  }

  /** Sixteen empty slots, to fill before constructing a branch. */
  static Node[] emptyChildren() {
    Node[] children = new Node[16];
    Arrays.fill(children, EmptyNode.INSTANCE);
    return children;
  }

  Node child(int nibble) {
    return children[nibble];
  }

  /** The value of the key ending at this branch, or {@code null}. */
  byte[] value() {
    return value;
  }

  BranchNode withChild(int nibble, Node child) {
    Node[] copy = children.clone();
    copy[nibble] = child;
    return new BranchNode(copy, value);
  }

  BranchNode withValue(byte[] newValue) {
    return new BranchNode(children.clone(), newValue);
  }

  /** The number of non-empty child slots. */
  int childCount() {
    int count = 0;
    for (Node child : children) {
      if (child != EmptyNode.INSTANCE) {
        count++;
      }
    }
    return count;
  }

  /** The nibble of the first non-empty slot, or -1. */
  int firstChild() {
    for (int i = 0; i < 16; i++) {
      if (children[i] != EmptyNode.INSTANCE) {
        return i;
      }
    }
    return -1;
  }

  @Override
  Node detached() {
    Node[] references = new Node[16];
    for (int i = 0; i < 16; i++) {
      references[i] = referenceTo(children[i]);
    }
    BranchNode copy = new BranchNode(references, value);
    copy.setDecoded(encoding(), hash());
    return copy;
  }

  @Override
  byte[] encode() {
    byte[] ownValue = value == null ? Nibbles.EMPTY : value;
    int payload = RlpArrays.stringLength(ownValue);
    for (Node child : children) {
      payload += child.referenceLength();
    }
    byte[] out = new byte[RlpArrays.listLength(payload)];
    int at = RlpArrays.putListHeader(out, 0, payload);
    for (Node child : children) {
      at = child.putReference(out, at);
    }
    RlpArrays.putString(out, at, ownValue);
    return out;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Branch[");
    for (int i = 0; i < 16; i++) {
      if (children[i] != EmptyNode.INSTANCE) {
        text.append(Integer.toHexString(i)).append(": ").append(children[i]).append("; ");
      }
    }
    return text.append("value ")
        .append(value == null ? "-" : value.length + " bytes")
        .append(']')
        .toString();
  }
}
