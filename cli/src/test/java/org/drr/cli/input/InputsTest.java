package org.drr.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path dir;

  @Test
  void addressesAreCheckedAndChecksummed() {
    assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        Inputs.address("--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    assertEquals("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        Inputs.address("--to", "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"));
    DrrException tooShort = assertThrows(DrrException.class,
        () -> Inputs.address("--to", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226"));
    assertEquals(ExitCode.BAD_INPUT, tooShort.exitCode());
    assertEquals("malformed address for --to: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226'"
        + " (expected 0x followed by 40 hex digits)", tooShort.getMessage());
    DrrException badChecksum = assertThrows(DrrException.class,
        () -> Inputs.address("--to", "0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    assertTrue(badChecksum.getMessage().contains("wrong checksum"), badChecksum.getMessage());
  }

  @Test
  void hashesIdsTimesAndMembers() {
    String h = "0x" + "Ab".repeat(32);
    assertEquals(h.toLowerCase(), Inputs.bytes32("--content-hash", h));
    assertThrows(DrrException.class, () -> Inputs.bytes32("--content-hash", "0x1234"));
    assertEquals(BigInteger.valueOf(42), Inputs.uint("ASSET", "42"));
    DrrException negative = assertThrows(DrrException.class, () -> Inputs.uint("ASSET", "-1"));
    assertEquals("malformed ASSET: '-1' (expected a non-negative whole number)",
        negative.getMessage());
    assertEquals(BigInteger.valueOf(1893456000L), Inputs.time("--until", "2030-01-01T00:00:00Z"));
    assertEquals(BigInteger.valueOf(5), Inputs.time("--until", "5"));
    assertThrows(DrrException.class, () -> Inputs.time("--until", "next tuesday"));
    assertEquals(1, Inputs.member("region", "hk", List.of("GD", "HK", "MO")));
    DrrException region = assertThrows(DrrException.class,
        () -> Inputs.member("region", "TW", List.of("GD", "HK", "MO")));
    assertEquals("unknown region 'TW' (one of GD, HK, MO)", region.getMessage());
  }

  @Test
  void fingerprintIsSha256OfTheFileAndAMissingFileIsBadInput() throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "abc");
    assertEquals("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Fingerprints.ofFile("--file", file));
    DrrException missing = assertThrows(DrrException.class,
        () -> Fingerprints.ofFile("--file", dir.resolve("nope.csv")));
    assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
    assertEquals("file not found for --file: " + dir.resolve("nope.csv"), missing.getMessage());
  }
}
