package org.drr.node.evm.precompile;

import static org.drr.node.evm.precompile.Hex.bytes;
import static org.drr.node.evm.precompile.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.ProofAndY;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.drr.node.fork.Fork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KZG point evaluation (0x0a). Inputs are built from a random blob committed to and opened with
 * c-kzg under the loaded setup; that the setup is mainnet's is checked against the published
 * first Lagrange point of the ceremony output.
 */
class PointEvaluationTest {
  private static final Precompile POINT_EVALUATION = Precompiles.forAddress(10, Fork.CANCUN);
  private static final String BLS_MODULUS_HEX =
      "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

  private static byte[] blob;
  private static byte[] commitment;

  @BeforeAll
  static void commitToARandomBlob() {
    KzgSetup.ensureLoaded();
    Random random = new Random(4844);
    blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    random.nextBytes(blob);
    for (int i = 0; i < blob.length; i += 32) {
      blob[i] = 0; // keep every field element below the BLS modulus
    }
    commitment = CKZG4844JNI.blobToKzgCommitment(blob);
  }

  private static byte[] input(byte[] versionedHash, byte[] z, byte[] y, byte[] c, byte[] proof) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(versionedHash);
    out.writeBytes(z);
    out.writeBytes(y);
    out.writeBytes(c);
    out.writeBytes(proof);
    return out.toByteArray();
  }

  private static byte[] z() {
    return bytes("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  }

  @Test
  void loadedSetupIsMainnet() {
    // Committing to the blob (1, 0, 0, …) yields the first G1 Lagrange point of the setup.
    byte[] unit = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    unit[31] = 1;
    assertEquals(
        "a0413c0dcafec6dbc9f47d66785cf1e8c981044f7d13cfe3e4fcbb71b5408dfde6312493cb3c1d30516cb3"
            + "ca88c03654",
        hex(CKZG4844JNI.blobToKzgCommitment(unit)));
    assertEquals(CKZG4844JNI.BLS_MODULUS, PointEvaluation.BLS_MODULUS);
  }

  @Test
  void validOpeningReturnsBlobSizeAndModulus() {
    ProofAndY opening = CKZG4844JNI.computeKzgProof(blob, z());
    byte[] output = POINT_EVALUATION.run(input(
        PointEvaluation.versionedHash(commitment), z(), opening.getY(), commitment,
        opening.getProof()));
    assertEquals(String.format("%064x", 4096) + BLS_MODULUS_HEX, hex(output));
    assertEquals(50_000, POINT_EVALUATION.gasCost(new byte[192]));
  }

  @Test
  void versionedHashIsVersionByteAndSha256Tail() {
    byte[] hash = PointEvaluation.versionedHash(commitment);
    assertEquals(1, hash[0]);
    assertEquals(
        hex(new Sha256().run(commitment)).substring(2), hex(hash).substring(2));
  }

  @Test
  void wrongValueOrHashOrLengthFails() {
    ProofAndY opening = CKZG4844JNI.computeKzgProof(blob, z());
    byte[] versionedHash = PointEvaluation.versionedHash(commitment);
    byte[] wrongY = opening.getY().clone();
    wrongY[31] ^= 1;
    assertNull(POINT_EVALUATION.run(
        input(versionedHash, z(), wrongY, commitment, opening.getProof())), "wrong y");
    byte[] wrongHash = versionedHash.clone();
    wrongHash[0] = 2;
    assertNull(POINT_EVALUATION.run(
        input(wrongHash, z(), opening.getY(), commitment, opening.getProof())), "version 2");
    byte[] valid = input(versionedHash, z(), opening.getY(), commitment, opening.getProof());
    assertNull(POINT_EVALUATION.run(java.util.Arrays.copyOf(valid, 191)), "short");
    assertNull(POINT_EVALUATION.run(java.util.Arrays.copyOf(valid, 193)), "long");
    assertNull(POINT_EVALUATION.run(new byte[0]), "empty");
  }

  @Test
  void nonCanonicalFieldElementsFail() {
    byte[] versionedHash = PointEvaluation.versionedHash(commitment);
    ProofAndY opening = CKZG4844JNI.computeKzgProof(blob, z());
    assertNull(POINT_EVALUATION.run(input(
        versionedHash, bytes(BLS_MODULUS_HEX), opening.getY(), commitment,
        opening.getProof())), "z = modulus");
    assertNull(POINT_EVALUATION.run(input(
        versionedHash, z(), bytes("ff".repeat(32)), commitment, opening.getProof())),
        "y > modulus");
  }

  @Test
  void zeroPolynomialOpensToZeroWithTheInfinityProof() {
    // The empty blob commits to the point at infinity (0xc0…) and every opening is y = 0.
    byte[] infinity = bytes("c0" + "00".repeat(47));
    assertArrayEquals(infinity, CKZG4844JNI.blobToKzgCommitment(new byte[blob.length]));
    byte[] output = POINT_EVALUATION.run(input(
        PointEvaluation.versionedHash(infinity), z(), new byte[32], infinity, infinity));
    assertEquals(String.format("%064x", 4096) + BLS_MODULUS_HEX, hex(output));
  }

  @Test
  void loadingAgainAcceptsTheMainnetSetupAlreadyInCKzg() {
    // c-kzg refuses a second setup; KzgSetup then checks that the loaded one is mainnet's.
    KzgSetup.load();
    assertEquals(String.format("%064x", 4096) + BLS_MODULUS_HEX, hex(POINT_EVALUATION.run(input(
        PointEvaluation.versionedHash(commitment), z(),
        CKZG4844JNI.computeKzgProof(blob, z()).getY(), commitment,
        CKZG4844JNI.computeKzgProof(blob, z()).getProof()))));
  }

  @Test
  void appearsInCancun() {
    assertNull(Precompiles.forAddress(10, Fork.SHANGHAI));
  }
}
