package org.drr.node.trie;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** Collects the hash-referenced nodes on the path to a key: a trie's Merkle proof. */
final class ProofGenerator {
  private ProofGenerator() {}

  static List<Bytes> prove(NodeLoader loader, Node root, byte[] path) {
    List<Bytes> proof = new ArrayList<>();
    Node node = loader.resolve(root);
    if (node == EmptyNode.INSTANCE) {
      return proof;
    }
    proof.add(Bytes.wrap(node.encoding()));
    int at = 0;
    while (true) {
      Node next;
      switch (node) {
        case ExtensionNode extension -> {
          if (!Nibbles.startsWith(path, at, extension.path())) {
            return proof;
          }
          at += extension.path().length;
          next = extension.child();
        }
        case BranchNode branch -> {
          if (at == path.length) {
            return proof;
          }
          next = branch.child(path[at++]);
        }
        default -> {
          return proof; // a leaf or an empty slot ends the path
        }
      }
      if (next == EmptyNode.INSTANCE) {
        return proof;
      }
      node = loader.resolve(next);
      if (!node.isInlined()) {
        proof.add(Bytes.wrap(node.encoding()));
      }
    }
  }
}
