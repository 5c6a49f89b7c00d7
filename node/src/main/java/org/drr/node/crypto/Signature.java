package org.drr.node.crypto;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A recoverable secp256k1 ECDSA signature: {@code r}, {@code s} and the recovery id (0 or 1: the
 * parity of R's y coordinate; 2 and 3, for r ≥ p - n, never occur in practice and are refused by
 * Ethereum). Construction does not check the ranges: signatures arrive from transactions and from
 * the ecrecover precompile, where an out-of-range value must be reported, not thrown.
 */
public record Signature(UInt256 r, UInt256 s, int recoveryId) {
  /** The group order n. */
  public static final UInt256 N =
      UInt256.fromHexString("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

  /** n / 2, the largest s EIP-2 accepts in transactions. */
  public static final UInt256 HALF_N = N.divide(2);

  /** Whether r and s are in [1, n-1] and the recovery id is 0 or 1. */
  public boolean isInRange() {
    return !r.isZero()
        && !s.isZero()
        && r.compareTo(N) < 0
        && s.compareTo(N) < 0
        && (recoveryId == 0 || recoveryId == 1);
  }

  /** Whether s ≤ n/2 (EIP-2: the only form a post-Homestead transaction may carry). */
  public boolean isLowS() {
    return s.compareTo(HALF_N) <= 0;
  }

  /** r ‖ s, 64 bytes, as libsecp256k1's compact form. */
  public Bytes compact() {
    return Bytes.concatenate(r, s);
  }

  /** r ‖ s ‖ recoveryId, 65 bytes, the form wallets and {@code eth_sign} use. */
  public Bytes toBytes() {
    return Bytes.concatenate(r, s, Bytes.of(recoveryId));
  }

  public static Signature of(Bytes32 r, Bytes32 s, int recoveryId) {
    return new Signature(UInt256.fromBytes(r), UInt256.fromBytes(s), recoveryId);
  }
}
