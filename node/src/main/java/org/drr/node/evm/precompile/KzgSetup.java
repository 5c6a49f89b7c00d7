package org.drr.node.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The Ethereum mainnet KZG trusted setup (the EIP-4844 ceremony output), loaded once into the
 * native c-kzg library the first time anything needs it. c-kzg holds one global setup per
 * process, so every user of {@code CKZG4844JNI} in the node should call {@link #ensureLoaded()}
 * rather than loading a setup itself.
 *
 * <p>The setup ships as a resource in c-kzg's text format: the counts 4096 and 65, then 4096 G1
 * points in Lagrange form, 65 G2 points and 4096 G1 points in monomial form, one compressed
 * point in hex per line. (jc-kzg-4844 does not bundle it.) Loading costs a few CPU-seconds, most
 * of it inside c-kzg.
 */
public final class KzgSetup {
  static final String RESOURCE = "trusted_setup_mainnet.txt";
  private static final int G1_POINTS = 4096;
  private static final int G2_POINTS = 65;
  private static final int G1_BYTES = 48;
  private static final int G2_BYTES = 96;

  private static volatile boolean loaded;

  private KzgSetup() {}

  /**
   * Loads the native library and the mainnet setup unless already done; thread-safe. If another
   * component already loaded a setup into c-kzg, it is accepted only if it is the mainnet one.
   *
   * @throws IllegalStateException if the resource is missing or malformed, or c-kzg holds a
   *     different setup
   */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (KzgSetup.class) {
      if (!loaded) {
        load();
        loaded = true;
      }
    }
  }

  /** Reads the resource and loads it into c-kzg; package-private so a test can load twice. */
  static void load() {
    byte[] g1Lagrange;
    byte[] g2Monomial;
    byte[] g1Monomial;
    try (InputStream in = KzgSetup.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("KZG trusted setup resource missing: " + RESOURCE);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      expectCount(reader, G1_POINTS);
      expectCount(reader, G2_POINTS);
      g1Lagrange = readPoints(reader, G1_POINTS, G1_BYTES);
      g2Monomial = readPoints(reader, G2_POINTS, G2_BYTES);
      g1Monomial = readPoints(reader, G1_POINTS, G1_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read KZG trusted setup " + RESOURCE, e);
    }
    CKZG4844JNI.loadNativeLibrary();
    try {
      // No precomputation: it only speeds up cell proofs (EIP-7594), not point evaluation.
      CKZG4844JNI.loadTrustedSetup(g1Monomial, g1Lagrange, g2Monomial, 0);
    } catch (RuntimeException e) {
      // jc-kzg reports "Trusted Setup is already loaded" as a plain RuntimeException. Whatever
      // the cause, the setup now in c-kzg is usable only if it is mainnet's.
      checkIsMainnet(Arrays.copyOf(g1Lagrange, G1_BYTES), e);
    }
  }

  /** The blob (1, 0, 0, …) commits to the first Lagrange point of whatever setup is loaded. */
  private static void checkIsMainnet(byte[] firstLagrangePoint, RuntimeException loadFailure) {
    byte[] unitBlob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    unitBlob[31] = 1;
    byte[] commitment;
    try {
      commitment = CKZG4844JNI.blobToKzgCommitment(unitBlob);
    } catch (RuntimeException e) {
      IllegalStateException failure = new IllegalStateException(
          "cannot load the KZG trusted setup: " + loadFailure.getMessage(), loadFailure);
      failure.addSuppressed(e);
      throw failure;
    }
    if (!Arrays.equals(commitment, firstLagrangePoint)) {
      throw new IllegalStateException("c-kzg already holds a KZG setup that is not mainnet's:"
          + " first Lagrange point " + HexFormat.of().formatHex(commitment) + ", expected "
          + HexFormat.of().formatHex(firstLagrangePoint), loadFailure);
    }
  }

  private static void expectCount(BufferedReader reader, int expected) throws IOException {
    String line = reader.readLine();
    if (line == null || !line.trim().equals(Integer.toString(expected))) {
      throw new IllegalStateException(
          "KZG trusted setup " + RESOURCE + ": expected count " + expected + ", got " + line);
    }
  }

  private static byte[] readPoints(BufferedReader reader, int count, int size)
      throws IOException {
    byte[] points = new byte[count * size];
    HexFormat hex = HexFormat.of();
    for (int i = 0; i < count; i++) {
      String line = reader.readLine();
      if (line == null || line.trim().length() != 2 * size) {
        throw new IllegalStateException("KZG trusted setup " + RESOURCE + ": point " + i
            + " of " + count + " is not " + size + " bytes of hex: " + line);
      }
      System.arraycopy(hex.parseHex(line.trim()), 0, points, i * size, size);
    }
    return points;
  }
}
