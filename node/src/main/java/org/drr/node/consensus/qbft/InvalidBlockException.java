package org.drr.node.consensus.qbft;

/** A block breaks a QBFT consensus rule; the message names the rule and the values. */
public final class InvalidBlockException extends RuntimeException {
  public InvalidBlockException(String message) {
    super(message);
  }
}
