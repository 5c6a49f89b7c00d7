package org.drr.node.trie;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/**
 * In-order traversal of a trie's entries from a start key. Nibble order is byte order, and a
 * branch's own value (a key that is a prefix of others) precedes its children, so entries come in
 * ascending key order. Subtrees entirely before the start key are skipped without loading.
 */
final class TrieWalker {
  private final NodeLoader loader;
  private final byte[] start;
  private final MerklePatriciaTrie.EntryVisitor visitor;

  TrieWalker(NodeLoader loader, byte[] start, MerklePatriciaTrie.EntryVisitor visitor) {
    this.loader = loader;
    this.start = start;
    this.visitor = visitor;
  }

  void walk(Node root) {
    visit(root, Nibbles.EMPTY, true);
  }

  /**
   * Visits {@code node} at path {@code prefix}; {@code bounded} means the prefix is a prefix of the
   * start key, so part of the subtree may lie before it. Returns false once the visitor asked to
   * stop.
   */
  private boolean visit(Node node, byte[] prefix, boolean bounded) {
    switch (loader.resolve(node)) {
      case EmptyNode empty -> {
        return true;
      }
      case LeafNode leaf -> {
        byte[] key = Nibbles.concat(prefix, leaf.path());
        if (bounded && Nibbles.compare(key, start) < 0) {
          return true;
        }
        return emit(key, leaf.value());
      }
      case ExtensionNode extension -> {
        byte[] path = Nibbles.concat(prefix, extension.path());
        if (!bounded) {
          return visit(extension.child(), path, false);
        }
        int n = Math.min(path.length, start.length);
        int mismatch = Arrays.mismatch(path, 0, n, start, 0, n);
        if (mismatch >= 0) {
          return path[mismatch] < start[mismatch] || visit(extension.child(), path, false);
        }
        return visit(extension.child(), path, path.length <= start.length);
      }
      case BranchNode branch -> {
        int first = 0;
        boolean atStart = bounded && prefix.length < start.length;
        if (atStart) {
          first = start[prefix.length]; // the value here and children below it precede start
        } else if (branch.value() != null && !emit(prefix, branch.value())) {
          return false;
        }
        for (int i = first; i < 16; i++) {
          boolean childBounded = atStart && i == first;
          if (!visit(
              branch.child(i), Nibbles.concat(prefix, new byte[] {(byte) i}), childBounded)) {
            return false;
          }
        }
        return true;
      }
      case HashNode reference -> throw new AssertionError("resolve() returned " + reference);
    }
  }

  private boolean emit(byte[] path, byte[] value) {
    return visitor.visit(Bytes.wrap(Nibbles.toBytes(path)), Bytes.wrap(value));
  }
}
