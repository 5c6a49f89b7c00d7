package org.drr.node.rpc.json;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rpc.RpcException;

/**
 * Ethereum JSON-RPC hex encodings: QUANTITY ({@code 0x}-prefixed, no leading zeros, zero as {@code
 * 0x0}) and DATA ({@code 0x}-prefixed, two digits per byte). Parsers throw {@link RpcException}
 * with code -32602 naming the field and the offending value.
 */
public final class Hex {
  private Hex() {}

  public static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  public static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  public static String quantity(UInt256 value) {
    return quantity(value.toBigInteger());
  }

  public static String data(Bytes bytes) {
    return bytes.toHexString();
  }

  public static String data(byte[] bytes) {
    return Bytes.wrap(bytes).toHexString();
  }

  /**
   * Parses a QUANTITY into a non-negative long.
   *
   * @throws RpcException -32602 if not {@code 0x}-prefixed hex, or above 2^63-1
   */
  public static long parseLong(String field, String text) {
    BigInteger value = parseBig(field, text);
    if (value.bitLength() > 63) {
      throw RpcException.invalidParams(field + " " + text + " exceeds 2^63-1");
    }
    return value.longValueExact();
  }

  /**
   * Parses a QUANTITY of at most 256 bits.
   *
   * @throws RpcException -32602 if not {@code 0x}-prefixed hex or longer than 256 bits
   */
  public static BigInteger parseBig(String field, String text) {
    if (text == null || !(text.startsWith("0x") || text.startsWith("0X")) || text.length() < 3) {
      throw RpcException.invalidParams(
          field + " must be a 0x-prefixed hex quantity; got " + quote(text));
    }
    if (text.length() > 2 + 64) {
      throw RpcException.invalidParams(field + " " + text + " exceeds 256 bits");
    }
    try {
      return new BigInteger(text.substring(2), 16);
    } catch (NumberFormatException e) {
      throw RpcException.invalidParams(field + " is not hex: " + quote(text));
    }
  }

  /**
   * Parses DATA: {@code 0x} followed by an even number of hex digits.
   *
   * @param maxBytes the longest accepted value
   * @throws RpcException -32602 on anything else
   */
  public static Bytes parseData(String field, String text, int maxBytes) {
    if (text == null || !(text.startsWith("0x") || text.startsWith("0X"))) {
      throw RpcException.invalidParams(field + " must be 0x-prefixed hex data; got " + quote(text));
    }
    if (text.length() % 2 != 0) {
      throw RpcException.invalidParams(
          field + " must have an even number of hex digits; got " + (text.length() - 2));
    }
    if ((text.length() - 2) / 2 > maxBytes) {
      throw RpcException.invalidParams(
          field + " of " + (text.length() - 2) / 2 + " bytes exceeds " + maxBytes + " bytes");
    }
    try {
      return Bytes.fromHexString(text);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(field + " is not hex: " + quote(abbreviate(text)));
    }
  }

  /** Parses DATA of exactly {@code size} bytes. */
  public static Bytes parseFixed(String field, String text, int size) {
    Bytes bytes = parseData(field, text, size);
    if (bytes.size() != size) {
      throw RpcException.invalidParams(
          field + " must be " + size + " bytes; got " + bytes.size() + ": " + abbreviate(text));
    }
    return bytes;
  }

  static String quote(String text) {
    return text == null ? "null" : "\"" + abbreviate(text) + "\"";
  }

  /** Keeps error messages short when a client sends megabytes. */
  public static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
