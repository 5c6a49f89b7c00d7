package org.drr.node.trie;

/** Bytes that are not the canonical RLP encoding of a trie node; the message says why. */
public final class MalformedNodeException extends IllegalArgumentException {
  public MalformedNodeException(String message) {
    super(message);
  }

  public MalformedNodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
