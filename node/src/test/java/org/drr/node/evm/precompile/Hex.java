package org.drr.node.evm.precompile;

import java.util.HexFormat;

/** Hex helpers for the precompile tests (whitespace in literals is ignored for readability). */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    String clean = hex.replaceAll("\\s+", "");
    if (clean.startsWith("0x")) {
      clean = clean.substring(2);
    }
    return HexFormat.of().parseHex(clean);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
