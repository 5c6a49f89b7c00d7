package org.drr.node.consensus.qbft;

/** A header's extra data is not a well-formed QBFT extra data structure. */
public final class InvalidExtraDataException extends IllegalArgumentException {
  public InvalidExtraDataException(String message) {
    super(message);
  }

  public InvalidExtraDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
