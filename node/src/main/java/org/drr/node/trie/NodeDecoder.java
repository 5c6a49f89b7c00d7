package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rlp.RlpException;
import org.drr.node.rlp.RlpReader;

/**
 * Decodes trie nodes from their RLP encodings, strictly: only canonical encodings a trie could have
 * produced are accepted, so a tampered proof or a damaged store is caught here rather than silently
 * read. Children referenced by hash become {@link HashNode}s; inlined children are decoded in
 * place. Every decoded node is marked persisted and keeps its encoding.
 */
final class NodeDecoder {
  private NodeDecoder() {}

  /**
   * Decodes a top-level node whose hash is already known ({@code hash} may be {@code null} to have
   * it computed when needed). The empty string {@code 0x80} decodes to the empty trie.
   *
   * @throws MalformedNodeException if {@code encoding} is not a canonical trie node
   */
  static Node decode(byte[] encoding, byte[] hash) {
    Node node;
    try {
      RlpReader reader = RlpReader.of(encoding);
      if (reader.nextIsEmptyString()) {
        reader.skip();
        reader.requireEnd();
        return EmptyNode.INSTANCE;
      }
      node = decodeList(reader, encoding.length);
      reader.requireEnd();
    } catch (RlpException e) {
      throw new MalformedNodeException("trie node is not valid RLP: " + e.getMessage(), e);
    }
    node.setDecoded(encoding, hash);
    return node;
  }

  private static Node decodeList(RlpReader reader, int size) {
    if (!reader.nextIsList()) {
      throw new MalformedNodeException(
          "a trie node is a list of 2 or 17 items, found a string of " + size + " bytes");
    }
    RlpReader items = reader.readList();
    if (!items.hasNext()) {
      throw wrongCount(0);
    }
    Bytes first = items.readRaw();
    if (!items.hasNext()) {
      throw wrongCount(1);
    }
    Bytes second = items.readRaw();
    if (!items.hasNext()) {
      return decodeShort(first, second);
    }
    // A branch: read the remaining slots straight from the list, the hot path of every lookup.
    Node[] children = new Node[16];
    children[0] = decodeReference(first);
    children[1] = decodeReference(second);
    for (int i = 2; i < 16; i++) {
      if (!items.hasNext()) {
        throw wrongCount(i);
      }
      children[i] = readReference(items);
    }
    if (!items.hasNext()) {
      throw wrongCount(16);
    }
    if (items.nextIsList()) {
      throw new MalformedNodeException("branch value must be a string, found a list");
    }
    byte[] value = items.readByteArray();
    if (items.hasNext()) {
      int count = 17;
      while (items.hasNext()) {
        items.skip();
        count++;
      }
      throw wrongCount(count);
    }
    return new BranchNode(children, value.length == 0 ? null : value);
  }

  private static MalformedNodeException wrongCount(int count) {
    return new MalformedNodeException("a trie node has 2 or 17 items, found " + count);
  }

  private static Node decodeShort(Bytes encodedPath, Bytes second) {
    RlpReader pathReader = RlpReader.of(encodedPath);
    if (pathReader.nextIsList()) {
      throw new MalformedNodeException("leaf or extension path must be a string, found a list");
    }
    byte[] pathBytes = pathReader.readByteArray();
    HexPrefix.Path path = HexPrefix.decode(pathBytes, 0, pathBytes.length);
    if (path.leaf()) {
      RlpReader valueReader = RlpReader.of(second);
      if (valueReader.nextIsList()) {
        throw new MalformedNodeException("leaf value must be a string, found a list");
      }
      byte[] value = valueReader.readByteArray();
      if (value.length == 0) {
        throw new MalformedNodeException("leaf value is empty; empty values are never stored");
      }
      return new LeafNode(path.nibbles(), value);
    }
    if (path.nibbles().length == 0) {
      throw new MalformedNodeException("extension path is empty");
    }
    Node child = decodeReference(second);
    if (child == EmptyNode.INSTANCE) {
      throw new MalformedNodeException("extension child is empty");
    }
    return new ExtensionNode(path.nibbles(), child);
  }

  private static Node decodeReference(Bytes raw) {
    return readReference(RlpReader.of(raw));
  }

  /** A child slot: {@code 0x80} (empty), a 32-byte hash, or an inlined node under 32 bytes. */
  private static Node readReference(RlpReader reader) {
    if (reader.nextIsList()) {
      Bytes raw = reader.readRaw();
      if (raw.size() > Node.MAX_INLINE_SIZE) {
        throw new MalformedNodeException(
            "inlined child node is "
                + raw.size()
                + " bytes; nodes of 32 bytes or more are"
                + " referenced by hash");
      }
      byte[] encoding = raw.toArray();
      Node child = decodeList(RlpReader.of(encoding), encoding.length);
      child.setDecoded(encoding, null);
      return child;
    }
    int size = reader.nextPayloadSize();
    if (size == 0) {
      reader.skip();
      return EmptyNode.INSTANCE;
    }
    if (size == 32) {
      return new HashNode(reader.readByteArray());
    }
    throw new MalformedNodeException(
        "child reference must be empty, a 32-byte hash or an inlined node, found a "
            + size
            + "-byte string");
  }
}
