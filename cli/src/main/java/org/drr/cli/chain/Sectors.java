package org.drr.cli.chain;

import java.nio.charset.StandardCharsets;
import org.drr.cli.DrrException;
import org.web3j.utils.Numeric;

/**
 * Sector codes ({@code finance}, {@code health}, …) travel as {@code bytes32}: the ASCII code,
 * left-aligned and zero-padded, like Solidity's {@code bytes32("finance")}.
 */
public final class Sectors {
  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9_-]{1,32}");

  private Sectors() {}

  /** Encodes a sector code; bad input unless 1–32 of a-z, 0-9, '_' and '-'. */
  public static byte[] encode(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw DrrException.badInput("invalid sector code '" + code
          + "' (1 to 32 of a-z, 0-9, '_', '-', e.g. finance)");
    }
    byte[] out = new byte[32];
    byte[] ascii = code.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, out, 0, ascii.length);
    return out;
  }

  /** The code in a bytes32, or its hex if it is not a printable code. */
  public static String decode(byte[] value) {
    int end = 0;
    while (end < value.length && value[end] != 0) {
      end++;
    }
    for (int i = end; i < value.length; i++) {
      if (value[i] != 0) {
        return Numeric.toHexString(value);
      }
    }
    String text = new String(value, 0, end, StandardCharsets.US_ASCII);
    return CODE.matcher(text).matches() ? text : Numeric.toHexString(value);
  }
}
