package org.drr.node.trie;

import java.util.Arrays;

/**
 * Insertion and deletion on immutable nodes: each returns the new subtree root, sharing every
 * untouched node, and returns the very same node when nothing changed (so unchanged paths keep
 * their cached hashes and are not written again).
 *
 * <p>Deletion restores the canonical shape: a branch left with one child and no value merges into
 * its child, an extension followed by a leaf or extension merges with it. The trie's root hash
 * therefore depends only on its contents, never on the order of updates.
 */
final class TrieUpdater {
  private final NodeLoader loader;

  TrieUpdater(NodeLoader loader) {
    this.loader = loader;
  }

  /** The value at {@code path} below {@code node}, or {@code null}. */
  byte[] get(Node node, byte[] path) {
    int at = 0;
    while (true) {
      switch (node) {
        case EmptyNode empty -> {
          return null;
        }
        case HashNode reference -> node = loader.load(reference);
        case LeafNode leaf -> {
          return Nibbles.restEquals(path, at, leaf.path()) ? leaf.value() : null;
        }
        case ExtensionNode extension -> {
          if (!Nibbles.startsWith(path, at, extension.path())) {
            return null;
          }
          at += extension.path().length;
          node = extension.child();
        }
        case BranchNode branch -> {
          if (at == path.length) {
            return branch.value();
          }
          node = branch.child(path[at++]);
        }
      }
    }
  }

  /** {@code node} with {@code path[at..]} set to {@code value} (non-empty). */
  Node put(Node node, byte[] path, int at, byte[] value) {
    return switch (node) {
      case EmptyNode empty -> new LeafNode(Arrays.copyOfRange(path, at, path.length), value);
      case HashNode reference -> {
        Node loaded = loader.load(reference);
        Node updated = put(loaded, path, at, value);
        yield updated == loaded ? reference : updated;
      }
      case LeafNode leaf -> putIntoLeaf(leaf, path, at, value);
      case ExtensionNode extension -> putIntoExtension(extension, path, at, value);
      case BranchNode branch -> {
        if (at == path.length) {
          yield Arrays.equals(branch.value(), value) ? branch : branch.withValue(value);
        }
        Node child = branch.child(path[at]);
        Node updated = put(child, path, at + 1, value);
        yield updated == child ? branch : branch.withChild(path[at], updated);
      }
    };
  }

  private Node putIntoLeaf(LeafNode leaf, byte[] path, int at, byte[] value) {
    byte[] leafPath = leaf.path();
    int remaining = path.length - at;
    int common = Nibbles.commonPrefix(leafPath, path, at);
    if (common == leafPath.length && common == remaining) {
      return Arrays.equals(leaf.value(), value) ? leaf : new LeafNode(leafPath, value);
    }
    Node[] children = BranchNode.emptyChildren();
    byte[] branchValue = null;
    if (common == leafPath.length) {
      branchValue = leaf.value();
    } else {
      children[leafPath[common]] =
          new LeafNode(Arrays.copyOfRange(leafPath, common + 1, leafPath.length), leaf.value());
    }
    if (common == remaining) {
      branchValue = value;
    } else {
      children[path[at + common]] =
          new LeafNode(Arrays.copyOfRange(path, at + common + 1, path.length), value);
    }
    return withPrefix(Arrays.copyOf(leafPath, common), new BranchNode(children, branchValue));
  }

  private Node putIntoExtension(ExtensionNode extension, byte[] path, int at, byte[] value) {
    byte[] extensionPath = extension.path();
    int common = Nibbles.commonPrefix(extensionPath, path, at);
    if (common == extensionPath.length) {
      Node child = extension.child();
      Node updated = put(child, path, at + common, value);
      return updated == child ? extension : new ExtensionNode(extensionPath, updated);
    }
    Node[] children = BranchNode.emptyChildren();
    children[extensionPath[common]] =
        common + 1 == extensionPath.length
            ? extension.child()
            : new ExtensionNode(
                Arrays.copyOfRange(extensionPath, common + 1, extensionPath.length),
                extension.child());
    byte[] branchValue = null;
    if (common == path.length - at) {
      branchValue = value;
    } else {
      children[path[at + common]] =
          new LeafNode(Arrays.copyOfRange(path, at + common + 1, path.length), value);
    }
    return withPrefix(Arrays.copyOf(extensionPath, common), new BranchNode(children, branchValue));
  }

  private static Node withPrefix(byte[] prefix, BranchNode branch) {
    return prefix.length == 0 ? branch : new ExtensionNode(prefix, branch);
  }

  /** {@code node} without the key at {@code path[at..]}; the same node if it had no such key. */
  Node delete(Node node, byte[] path, int at) {
    return switch (node) {
      case EmptyNode empty -> empty;
      case HashNode reference -> {
        Node loaded = loader.load(reference);
        Node updated = delete(loaded, path, at);
        yield updated == loaded ? reference : updated;
      }
      case LeafNode leaf -> Nibbles.restEquals(path, at, leaf.path()) ? EmptyNode.INSTANCE : leaf;
      case ExtensionNode extension -> {
        if (!Nibbles.startsWith(path, at, extension.path())) {
          yield extension;
        }
        Node child = extension.child();
        Node updated = delete(child, path, at + extension.path().length);
        yield updated == child ? extension : prefixed(extension.path(), updated);
      }
      case BranchNode branch -> {
        if (at == path.length) {
          yield branch.value() == null ? branch : collapse(branch.withValue(null));
        }
        Node child = branch.child(path[at]);
        Node updated = delete(child, path, at + 1);
        yield updated == child ? branch : collapse(branch.withChild(path[at], updated));
      }
    };
  }

  /** {@code prefix} followed by {@code node}, merged into one node where the shape allows. */
  private Node prefixed(byte[] prefix, Node node) {
    return switch (loader.resolve(node)) {
      case EmptyNode empty -> empty;
      case LeafNode leaf -> new LeafNode(Nibbles.concat(prefix, leaf.path()), leaf.value());
      case ExtensionNode extension ->
          new ExtensionNode(Nibbles.concat(prefix, extension.path()), extension.child());
      case BranchNode branch -> new ExtensionNode(prefix, branch);
      case HashNode reference -> throw new AssertionError("resolve() returned " + reference);
    };
  }

  /** A branch that lost a child or its value, reduced if it no longer needs to branch. */
  private Node collapse(BranchNode branch) {
    int children = branch.childCount();
    if (children == 0) {
      return branch.value() == null
          ? EmptyNode.INSTANCE
          : new LeafNode(Nibbles.EMPTY, branch.value());
    }
    if (children == 1 && branch.value() == null) {
      int nibble = branch.firstChild();
      return prefixed(new byte[] {(byte) nibble}, branch.child(nibble));
    }
    return branch;
  }
}
