package org.drr.node.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class Keccak256Test {
  @Test
  void emptyInputHashesToTheEmptyCodeHash() {
    assertEquals(
        "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Keccak256.EMPTY.toHexString());
  }

  @Test
  void usesKeccakPaddingNotSha3() {
    // NIST SHA3-256("abc") is 3a985da7…; Ethereum's Keccak-256("abc") differs.
    assertEquals(
        "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        Keccak256.hash(Bytes.wrap("abc".getBytes(StandardCharsets.US_ASCII))).toHexString());
  }

  @Test
  void everyEntryPointAgreesAndTheDigestIsReusable() {
    byte[] input =
        "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    String expected = "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15";
    assertEquals(expected, Keccak256.hash(input).toHexString());
    assertEquals(expected, Keccak256.hash(Bytes.wrap(input)).toHexString());
    byte[] padded = new byte[input.length + 2];
    System.arraycopy(input, 0, padded, 1, input.length);
    byte[] out = new byte[34];
    Keccak256.hashInto(padded, 1, input.length, out, 2);
    assertEquals(expected, Bytes.wrap(out, 2, 32).toHexString());
    assertEquals(expected, Keccak256.hash(Bytes.wrap(padded).slice(1, input.length)).toHexString());
  }

  @Test
  void agreesWithBouncyCastleAcrossBlockBoundaries() {
    Random random = new Random(7);
    for (int length = 0; length <= 3 * 136 + 1; length++) {
      byte[] input = new byte[length + 3];
      random.nextBytes(input);
      KeccakDigest reference = new KeccakDigest(256);
      reference.update(input, 3, length);
      byte[] expected = new byte[32];
      reference.doFinal(expected, 0);
      assertArrayEquals(expected, Keccak256.hash(input, 3, length), "length " + length);
    }
  }

  @Test
  void refusesARangeOutsideTheArray() {
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(new byte[4], 2, 3));
  }
}
