package org.drr.node.trie;

import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rlp.RlpException;
import org.drr.node.rlp.RlpReader;

/**
 * Decodes trie nodes from their RLP encodings, strictly: only canonical encodings a trie could
 * have produced are accepted, so a tampered proof or a damaged store is caught here rather than
 * silently read. Children referenced by hash become {@link HashNode}s; inlined children are
 * decoded in place. Every decoded node is marked persisted and keeps its encoding.
 */
final class NodeDecoder {
  private NodeDecoder() {}

  /**
   * Decodes a top-level node whose hash is already known ({@code hash} may be {@code null} to
   * have it computed when needed). The empty string {@code 0x80} decodes to the empty trie.
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
    Bytes[] raw = new Bytes[17];
    int count = 0;
    while (items.hasNext()) {
      if (count == 17) {
        throw new MalformedNodeException("a trie node has 2 or 17 items, found more than 17");
      }
      raw[count++] = items.readRaw();
    }
    if (count == 2) {
      return decodeShort(raw[0], raw[1]);
    }
    if (count == 17) {
      return decodeBranch(raw);
    }
    throw new MalformedNodeException("a trie node has 2 or 17 items, found " + count);
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

  private static Node decodeBranch(Bytes[] raw) {
    Node[] children = new Node[16];
    for (int i = 0; i < 16; i++) {
      children[i] = decodeReference(raw[i]);
    }
    RlpReader valueReader = RlpReader.of(raw[16]);
    if (valueReader.nextIsList()) {
      throw new MalformedNodeException("branch value must be a string, found a list");
    }
    byte[] value = valueReader.readByteArray();
    return new BranchNode(children, value.length == 0 ? null : value);
  }

  /** A child slot: {@code 0x80} (empty), a 32-byte hash, or an inlined node under 32 bytes. */
  private static Node decodeReference(Bytes raw) {
    RlpReader reader = RlpReader.of(raw);
    if (reader.nextIsList()) {
      if (raw.size() > Node.MAX_INLINE_SIZE) {
        throw new MalformedNodeException(
            "inlined child node is " + raw.size() + " bytes; nodes of 32 bytes or more are"
                + " referenced by hash");
      }
      byte[] encoding = raw.toArray();
      Node child = decodeList(RlpReader.of(encoding), encoding.length);
      child.setDecoded(encoding, null);
      return child;
    }
    int size = reader.nextPayloadSize();
    if (size == 0) {
      return EmptyNode.INSTANCE;
    }
    if (size == 32) {
      return new HashNode(reader.readByteArray());
    }
    throw new MalformedNodeException(
        "child reference must be empty, a 32-byte hash or an inlined node, found a " + size
            + "-byte string");
  }
}
