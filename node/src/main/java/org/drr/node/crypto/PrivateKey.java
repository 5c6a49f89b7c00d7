package org.drr.node.crypto;

import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A secp256k1 private key: a scalar in [1, n-1]. {@link #toString()} never shows the key, so it
 * cannot leak into logs or exception messages.
 */
public final class PrivateKey {
  private final Bytes32 secret;

  private PrivateKey(Bytes32 secret) {
    this.secret = secret;
  }

  /**
   * @throws IllegalArgumentException if the scalar is zero or not below n (value not shown)
   */
  public static PrivateKey of(Bytes32 secret) {
    if (!Secp256k1.isValidPrivateKey(secret)) {
      throw new IllegalArgumentException("not a valid secp256k1 private key (must be in [1, n-1])");
    }
    return new PrivateKey(Bytes32.wrap(secret.toArray()));
  }

  /** A fresh random key. */
  public static PrivateKey random(SecureRandom random) {
    while (true) {
      byte[] candidate = new byte[32];
      random.nextBytes(candidate);
      Bytes32 secret = Bytes32.wrap(candidate);
      if (Secp256k1.isValidPrivateKey(secret)) {
        return new PrivateKey(secret);
      }
    }
  }

  /** The raw scalar. Handle with care: never print or log it. */
  public Bytes32 secret() {
    return secret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrivateKey other && secret.equals(other.secret);
  }

  @Override
  public int hashCode() {
    return secret.hashCode();
  }

  @Override
  public String toString() {
    return "PrivateKey[redacted]";
  }
}
