package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rlp.RlpArrays;

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
  byte[] encode() {
    byte[] encodedPath = HexPrefix.encode(path, true);
    int payload = RlpArrays.stringLength(encodedPath) + RlpArrays.stringLength(value);
    byte[] out = new byte[RlpArrays.listLength(payload)];
    int at = RlpArrays.putListHeader(out, 0, payload);
    at = RlpArrays.putString(out, at, encodedPath);
    RlpArrays.putString(out, at, value);
    return out;
  }

  @Override
  public String toString() {
    return "Leaf[" + Bytes.wrap(path).toUnprefixedHexString() + " → " + Bytes.wrap(value) + "]";
  }
}
