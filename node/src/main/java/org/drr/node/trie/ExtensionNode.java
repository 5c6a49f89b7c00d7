package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rlp.RlpArrays;

/**
 * A path segment shared by every key below it, then a child (always a branch in a canonical trie):
 * {@code [hexPrefix(path, extension), childReference]}.
 */
final class ExtensionNode extends Node {
  private final byte[] path;
  private final Node child;

  /** {@code path} is non-empty nibbles, owned by the node from now on. */
  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }

  byte[] path() {
    return path;
  }

  Node child() {
    return child;
  }

  @Override
  Node detached() {
    ExtensionNode copy = new ExtensionNode(path, referenceTo(child));
    copy.setDecoded(encoding(), hash());
    return copy;
  }

  @Override
  byte[] encode() {
    byte[] encodedPath = HexPrefix.encode(path, false);
    int payload = RlpArrays.stringLength(encodedPath) + child.referenceLength();
    byte[] out = new byte[RlpArrays.listLength(payload)];
    int at = RlpArrays.putListHeader(out, 0, payload);
    at = RlpArrays.putString(out, at, encodedPath);
    child.putReference(out, at);
    return out;
  }

  @Override
  public String toString() {
    return "Extension[" + Bytes.wrap(path).toUnprefixedHexString() + " → " + child + "]";
  }
}
