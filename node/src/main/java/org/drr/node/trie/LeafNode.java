package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rlp.RlpWriter;

/** The rest of a key's path and its value: {@code [hexPrefix(path, leaf), value]}. */
final class LeafNode extends Node {
  private final byte[] path;
  private final byte[] value;

  /** {@code path} (nibbles) and {@code value} (non-empty) are owned by the node from now on. */
  LeafNode(byte[] path, byte[] value) {
    this.path = path;
    this.value = value;
  }

  byte[] path() {
    return path;
  }

  byte[] value() {
    return value;
  }

  @Override
  void writeTo(RlpWriter writer) {
    writer.startList();
    writer.writeBytes(HexPrefix.encode(path, true));
    writer.writeBytes(value);
    writer.endList();
  }

  @Override
  int sizeHint() {
    return path.length / 2 + value.length + 16;
  }

  @Override
  public String toString() {
    return "Leaf[" + Bytes.wrap(path).toUnprefixedHexString() + " → " + Bytes.wrap(value) + "]";
  }
}
