package org.drr.node.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The Ethereum mainnet KZG trusted setup (the EIP-4844 ceremony output), loaded once into the
 * native c-kzg library the first time anything needs it. c-kzg holds one global setup, so every
 * user of {@code CKZG4844JNI} in the node must call {@link #ensureLoaded()} rather than loading a
 * setup itself.
 *
 * <p>The setup ships as a resource in c-kzg's text format: the counts 4096 and 65, then 4096 G1
 * points in Lagrange form, 65 G2 points and 4096 G1 points in monomial form, one compressed
 * point in hex per line. (jc-kzg-4844 does not bundle it.)
 */
public final class KzgSetup {
  static final String RESOURCE = "trusted_setup_mainnet.txt";
  private static final int G1_POINTS = 4096;
  private static final int G2_POINTS = 65;
  private static final int G1_BYTES = 48;
  private static final int G2_BYTES = 96;

  private KzgSetup() {}

  /**
   * Loads the native library and the mainnet setup unless already done; thread-safe.
   *
   * @throws IllegalStateException if the resource is missing or malformed (a broken build)
   */
  public static void ensureLoaded() {
    Holder.touch();
  }

  /** Class-initialisation holder: the JVM runs {@code load()} exactly once, on first use. */
  private static final class Holder {
    static {
      load();
    }

    static void touch() {}
  }

  private static void load() {
    try (InputStream in = KzgSetup.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("KZG trusted setup resource missing: " + RESOURCE);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      expectCount(reader, G1_POINTS);
      expectCount(reader, G2_POINTS);
      byte[] g1Lagrange = readPoints(reader, G1_POINTS, G1_BYTES);
      byte[] g2Monomial = readPoints(reader, G2_POINTS, G2_BYTES);
      byte[] g1Monomial = readPoints(reader, G1_POINTS, G1_BYTES);
      CKZG4844JNI.loadNativeLibrary();
      // No precomputation: it only speeds up cell proofs (EIP-7594), not point evaluation.
      CKZG4844JNI.loadTrustedSetup(g1Monomial, g1Lagrange, g2Monomial, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read KZG trusted setup " + RESOURCE, e);
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
