package org.drr.node.trie;

import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.RlpArrays;

/**
 * A trie node (Yellow Paper appendix D). Nodes are immutable: an update builds new nodes along the
 * changed path and shares the rest, so an unchanged subtree keeps its cached encoding and hash and
 * is never re-encoded.
 *
 * <p>A parent refers to a child by the child's encoding when it is shorter than 32 bytes (inlined)
 * and by its keccak-256 hash otherwise; only hash-referenced nodes (and the root) are stored on
 * their own.
 */
abstract sealed class Node permits EmptyNode, LeafNode, ExtensionNode, BranchNode, HashNode {
  /** Size below which a node is embedded in its parent instead of referenced by hash. */
  static final int MAX_INLINE_SIZE = 31;

  // Caches; benign races: every thread computes the same bytes.
  private byte[] encoding;
  private byte[] hash;
  // Whether this node and its whole subtree are in the node store (or inlined in a stored node).
  private boolean persisted;

  /** This node's RLP encoding, children as references, in an array of exactly its size. */
  abstract byte[] encode();

  /** This node's RLP encoding; computed once. */
  byte[] encoding() {
    byte[] cached = encoding;
    if (cached == null) {
      cached = encode();
      encoding = cached;
    }
    return cached;
  }

  /** keccak-256 of the encoding (for the root even when it is shorter than 32 bytes). */
  byte[] hash() {
    byte[] cached = hash;
    if (cached == null) {
      byte[] bytes = encoding();
      cached = Keccak256.hash(bytes, 0, bytes.length);
      hash = cached;
    }
    return cached;
  }

  /** The length of {@link #putReference}'s output. */
  int referenceLength() {
    return isInlined() ? encoding().length : 33;
  }

  /**
   * Writes how a parent refers to this node at {@code at}: the encoding if inlined, else the hash
   * as a 32-byte string. Returns the index after it.
   */
  int putReference(byte[] out, int at) {
    if (isInlined()) {
      byte[] bytes = encoding();
      System.arraycopy(bytes, 0, out, at, bytes.length);
      return at + bytes.length;
    }
    return RlpArrays.putString(out, at, hash());
  }

  /** Whether a parent embeds this node rather than referring to it by hash. */
  boolean isInlined() {
    return encoding().length <= MAX_INLINE_SIZE;
  }

  boolean isPersisted() {
    return persisted;
  }

  void markPersisted() {
    persisted = true;
  }

  /**
   * This node as decoding its stored encoding would produce it: children referred to by hash are
   * {@link HashNode}s, not the objects this node was built with, so holding it does not hold a
   * subtree. Only for a node already written: the copy counts as stored.
   */
  Node detached() {
    return this; // no children (leaf, empty, hash reference)
  }

  /** How a detached copy of a parent refers to {@code child}: inlined as is, else by hash. */
  static Node referenceTo(Node child) {
    return child.isInlined() || child instanceof HashNode ? child : new HashNode(child.hash());
  }

  /** Records what a decoder already knows, so it is never recomputed. */
  void setDecoded(byte[] encoding, byte[] hash) {
    this.encoding = encoding;
    this.hash = hash;
    this.persisted = true;
  }
}
