package org.drr.node.evm.precompile;

import static org.drr.node.evm.precompile.Hex.bytes;
import static org.drr.node.evm.precompile.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

/**
 * EIP-152 cases: BLAKE2b-512("abc") as one final block (the 12-round output is Python's
 * {@code hashlib.blake2b(b"abc")}), and the same block with 0 and 1 rounds and a non-final flag,
 * whose outputs come from a Python F checked against hashlib.
 */
class Blake2FTest {
  private static final Precompile BLAKE2F = Precompiles.forAddress(9, Fork.CANCUN);
  /** h: the BLAKE2b-512 IV with the parameter block (digest length 64) folded in. */
  private static final String H =
      "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
          + "d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b";
  /** m: "abc" padded to a 128-byte block. */
  private static final String M = "616263" + "00".repeat(125);
  /** t = 3 bytes hashed so far. */
  private static final String T = "0300000000000000" + "0000000000000000";

  private static byte[] input(long rounds, String finalFlag) {
    return bytes(String.format("%08x", rounds) + H + M + T + finalFlag);
  }

  @Test
  void twelveRoundsOfTheFinalBlockIsBlake2bOfAbc() {
    assertEquals(
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        hex(BLAKE2F.run(input(12, "01"))));
    assertEquals(12, BLAKE2F.gasCost(input(12, "01")));
  }

  @Test
  void roundCountAndFinalFlagChangeTheOutput() {
    assertEquals(
        "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
            + "d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b",
        hex(BLAKE2F.run(input(0, "01"))));
    assertEquals(0, BLAKE2F.gasCost(input(0, "01")));
    assertEquals(
        "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fb"
            + "a551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421",
        hex(BLAKE2F.run(input(1, "01"))));
    assertEquals(
        "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d28752"
            + "98743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735",
        hex(BLAKE2F.run(input(12, "00"))));
  }

  @Test
  void gasIsTheRoundCountUpToTwoToThe32() {
    assertEquals(0xffffffffL, BLAKE2F.gasCost(input(0xffffffffL, "01")));
    assertEquals(0, BLAKE2F.gasCost(new byte[212]), "malformed input is priced 0 and fails");
  }

  @Test
  void rejectsWrongLengthOrFlag() {
    assertNull(BLAKE2F.run(new byte[0]));
    assertNull(BLAKE2F.run(new byte[212]));
    assertNull(BLAKE2F.run(new byte[214]));
    assertNull(BLAKE2F.run(input(12, "02")));
    assertNull(BLAKE2F.run(input(12, "ff")));
  }

  @Test
  void chainedBlocksMatchBlake2bOfALongerMessage() {
    // 200 × 'a': a non-final block with t = 128, then the padded rest with t = 200, final.
    byte[] message = "a".repeat(200).getBytes(StandardCharsets.US_ASCII);
    String h = H;
    String first = HexFormat.of().formatHex(message, 0, 128);
    h = hex(BLAKE2F.run(
        bytes("0000000c" + h + first + "8000000000000000" + "00".repeat(8) + "00")));
    String second = HexFormat.of().formatHex(message, 128, 200) + "00".repeat(56);
    String digest = hex(BLAKE2F.run(
        bytes("0000000c" + h + second + "c800000000000000" + "00".repeat(8) + "01")));
    assertEquals(
        "932355851d75f09c18646a9da87c25e055bc57f113121ad1ec63d45e7a1d62ab"
            + "9133f8b7d1d7de9e0afa784eb6a8a11d78683013d0a672611f17668d9577d209",
        digest);
  }

  @Test
  void appearsInIstanbul() {
    assertNull(Precompiles.forAddress(9, Fork.PETERSBURG));
  }
}
