package org.drr.node.crypto;

/** A keystore file that cannot be decrypted; {@link #kind()} says why. */
public final class KeyStoreException extends IllegalArgumentException {
  /** Why decryption failed. */
  public enum Kind {
    /** The MAC does not match: a wrong password, or a corrupted file. */
    WRONG_PASSWORD,
    /** A version, cipher, KDF or PRF this implementation does not handle. */
    UNSUPPORTED,
    /** A missing or malformed field. */
    MALFORMED,
    /** The decrypted key does not belong to the address the file declares. */
    ADDRESS_MISMATCH
  }

  private final Kind kind;

  public KeyStoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public KeyStoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
