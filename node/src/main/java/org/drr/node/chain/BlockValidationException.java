package org.drr.node.chain;

/** A block breaks a validity rule; the message names the rule and the values involved. */
public final class BlockValidationException extends RuntimeException {
  public BlockValidationException(String message) {
    super(message);
  }
}
