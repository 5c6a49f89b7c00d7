package org.drr.node.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class ScryptTest {
  private static String derive(String password, String salt, int n, int r, int p, int len) {
    return Bytes.wrap(
            Scrypt.derive(
                password.getBytes(StandardCharsets.US_ASCII),
                salt.getBytes(StandardCharsets.US_ASCII),
                n,
                r,
                p,
                len))
        .toUnprefixedHexString();
  }

  @Test
  void matchesTheRfc7914Vectors() {
    assertEquals(
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
            + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906",
        derive("", "", 16, 1, 1, 64));
    assertEquals(
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
            + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
        derive("password", "NaCl", 1024, 8, 16, 64));
  }

  @Test
  void refusesANonPowerOfTwoCost() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Scrypt.derive(new byte[0], new byte[0], 1000, 1, 1, 32));
  }
}
