package org.drr.node.crypto;

/** A signature from which no public key can be recovered; the message says why. */
public final class InvalidSignatureException extends IllegalArgumentException {
  public InvalidSignatureException(String message) {
    super(message);
  }
}
