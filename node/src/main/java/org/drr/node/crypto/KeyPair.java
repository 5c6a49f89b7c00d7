package org.drr.node.crypto;

import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.types.Address;

/** A private key with its 64-byte public key (x ‖ y) and the address derived from it. */
public record KeyPair(PrivateKey privateKey, Bytes publicKey, Address address) {
  public static KeyPair of(PrivateKey privateKey) {
    Bytes publicKey = Secp256k1.publicKey(privateKey);
    return new KeyPair(privateKey, publicKey, Address.fromPublicKey(publicKey));
  }

  public static KeyPair random(SecureRandom random) {
    return of(PrivateKey.random(random));
  }
}
