package org.drr.node.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * 0x0a KZG point evaluation (EIP-4844, Cancun; 50,000 gas). Input, exactly 192 bytes:
 * versioned_hash ‖ z ‖ y ‖ commitment (48) ‖ proof (48). Succeeds when the versioned hash is
 * {@code 0x01 ‖ sha256(commitment)[1:]} and the proof shows that the committed polynomial takes
 * the value y at z; the output is then FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte
 * words. Anything else, including z or y not below the BLS modulus, fails the call.
 */
final class PointEvaluation implements Precompile {
  static final long GAS = 50_000;
  static final int INPUT_LENGTH = 192;
  static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  /** The BLS12-381 scalar field modulus (z and y must be below it). */
  static final BigInteger BLS_MODULUS = new BigInteger(
      "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  /** FIELD_ELEMENTS_PER_BLOB ‖ BLS_MODULUS, each a 32-byte big-endian word. */
  private static final byte[] SUCCESS_OUTPUT = successOutput();

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return null;
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    if (!Arrays.equals(versionedHash, versionedHash(commitment))) {
      return null;
    }
    KzgSetup.ensureLoaded();
    try {
      if (!CKZG4844JNI.verifyKzgProof(commitment, z, y, proof)) {
        return null;
      }
    } catch (CKZGException e) {
      // c-kzg reports malformed input this way: a non-canonical z or y, a bad point encoding.
      return null;
    }
    return SUCCESS_OUTPUT.clone();
  }

  /** kzg_to_versioned_hash: 0x01 ‖ sha256(commitment)[1:]. */
  static byte[] versionedHash(byte[] commitment) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(commitment);
      hash[0] = VERSIONED_HASH_VERSION_KZG;
      return hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK provides no SHA-256", e);
    }
  }

  private static byte[] successOutput() {
    byte[] out = new byte[64];
    out[30] = (byte) (FIELD_ELEMENTS_PER_BLOB >>> 8);
    out[31] = (byte) FIELD_ELEMENTS_PER_BLOB;
    byte[] modulus = BLS_MODULUS.toByteArray();
    int length = Math.min(modulus.length, 32);
    System.arraycopy(modulus, modulus.length - length, out, 64 - length, length);
    return out;
  }
}
