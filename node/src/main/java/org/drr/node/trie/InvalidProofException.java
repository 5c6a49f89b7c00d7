package org.drr.node.trie;

/**
 * A Merkle proof that does not prove anything about the key against the root: it was tampered with,
 * truncated, padded, or belongs to another root. {@link #reason()} says which check failed and
 * {@link #nodeIndex()} at which proof element.
 */
public final class InvalidProofException extends Exception {
  /** Which check a proof failed. */
  public enum Reason {
    /** The first node's hash is not the root hash. */
    ROOT_MISMATCH,
    /** A node's hash is not the hash its parent refers to. */
    HASH_MISMATCH,
    /** A node is not the canonical RLP encoding of a trie node. */
    MALFORMED_NODE,
    /** The proof ends where the path needs another node. */
    MISSING_NODE,
    /** The path was resolved before the proof's last node. */
    UNUSED_NODES
  }

  private final Reason reason;
  private final int nodeIndex;

  public InvalidProofException(Reason reason, int nodeIndex, String message, Throwable cause) {
    super("invalid proof (" + reason + " at node " + nodeIndex + "): " + message, cause);
    this.reason = reason;
    this.nodeIndex = nodeIndex;
  }

  public InvalidProofException(Reason reason, int nodeIndex, String message) {
    this(reason, nodeIndex, message, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The index in the proof list of the node that failed (the list size if one is missing). */
  public int nodeIndex() {
    return nodeIndex;
  }
}
