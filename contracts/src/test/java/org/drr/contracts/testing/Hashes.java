package org.drr.contracts.testing;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;

/** Deterministic 32-byte values for tests: fingerprints, metadata and document hashes. */
public final class Hashes {
  private Hashes() {}

  /** keccak256 of the UTF-8 text: a stand-in for a real SHA-256 file fingerprint. */
  public static byte[] of(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }
}
