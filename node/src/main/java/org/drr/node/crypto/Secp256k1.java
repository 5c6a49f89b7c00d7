package org.drr.node.crypto;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.types.Address;

/**
 * secp256k1 through native libsecp256k1 (ACINQ's JNI binding): deterministic (RFC 6979), low-s
 * recoverable signing, and public-key recovery. Recovery accepts high-s signatures, as the
 * ecrecover precompile must; the EIP-2 low-s rule for transactions is checked by the caller ({@link
 * Signature#isLowS()}).
 */
public final class Secp256k1 {
  private static final fr.acinq.secp256k1.Secp256k1 NATIVE = fr.acinq.secp256k1.Secp256k1.get();

  private Secp256k1() {}

  public static boolean isValidPrivateKey(Bytes32 secret) {
    UInt256 value = UInt256.fromBytes(secret);
    return !value.isZero() && value.compareTo(Signature.N) < 0;
  }

  /** The 64-byte public key (x ‖ y) of {@code key}. */
  public static Bytes publicKey(PrivateKey key) {
    byte[] uncompressed = NATIVE.pubkeyCreate(key.secret().toArrayUnsafe());
    return Bytes.wrap(uncompressed, 1, 64);
  }

  /** Signs a 32-byte hash: deterministic nonce, s ≤ n/2, recovery id 0 or 1. */
  public static Signature sign(Bytes32 hash, PrivateKey key) {
    byte[] message = hash.toArrayUnsafe();
    byte[] compact = NATIVE.sign(message, key.secret().toArrayUnsafe(), null);
    byte[] expected = NATIVE.pubkeyCreate(key.secret().toArrayUnsafe());
    for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
      byte[] recovered = NATIVE.ecdsaRecover(compact, message, recoveryId);
      if (java.util.Arrays.equals(recovered, expected)) {
        Bytes sig = Bytes.wrap(compact);
        return new Signature(
            UInt256.fromBytes(sig.slice(0, 32)), UInt256.fromBytes(sig.slice(32, 32)), recoveryId);
      }
    }
    // libsecp256k1 only yields recovery ids 2/3 when r ≥ p - n, a ~2^-128 event.
    throw new IllegalStateException("signature has no recovery id in {0, 1}");
  }

  /**
   * The 64-byte public key that produced {@code signature} over {@code hash}, or empty if none
   * exists (r or s zero or ≥ n, recovery id not 0/1, r not the x of a curve point).
   */
  public static Optional<Bytes> recoverPublicKey(Bytes32 hash, Signature signature) {
    if (!signature.isInRange()) {
      return Optional.empty();
    }
    byte[] key =
        recoverRaw(
            hash.toArrayUnsafe(), signature.compact().toArrayUnsafe(), signature.recoveryId());
    return key == null ? Optional.empty() : Optional.of(Bytes.wrap(key, 1, 64));
  }

  /** The address that signed {@code hash}, or empty for an invalid signature (see above). */
  public static Optional<Address> recoverAddress(Bytes32 hash, Signature signature) {
    return recoverPublicKey(hash, signature).map(Address::fromPublicKey);
  }

  /**
   * Like {@link #recoverAddress} but for callers that must reject bad signatures.
   *
   * @throws InvalidSignatureException naming the offending value
   */
  public static Address recoverAddressOrThrow(Bytes32 hash, Signature signature) {
    if (signature.r().isZero() || signature.r().compareTo(Signature.N) >= 0) {
      throw new InvalidSignatureException(
          "signature r out of range [1, n-1]: " + signature.r().toHexString());
    }
    if (signature.s().isZero() || signature.s().compareTo(Signature.N) >= 0) {
      throw new InvalidSignatureException(
          "signature s out of range [1, n-1]: " + signature.s().toHexString());
    }
    if (signature.recoveryId() != 0 && signature.recoveryId() != 1) {
      throw new InvalidSignatureException(
          "recovery id must be 0 or 1; got " + signature.recoveryId());
    }
    return recoverAddress(hash, signature)
        .orElseThrow(
            () ->
                new InvalidSignatureException(
                    "no public key recovers from r="
                        + signature.r().toHexString()
                        + " (not a curve x)"));
  }

  /**
   * Low-level recovery for hot paths (the ecrecover precompile): {@code compact} is r ‖ s (64
   * bytes, already range-checked by the caller), the result the 65-byte uncompressed key (0x04 ‖ x
   * ‖ y), or null if no key recovers.
   */
  public static byte[] recoverRaw(byte[] hash32, byte[] compact64, int recoveryId) {
    try {
      return NATIVE.ecdsaRecover(compact64, hash32, recoveryId);
    } catch (Secp256k1Exception | IllegalArgumentException e) {
      return null;
    }
  }
}
