package org.drr.node.rlp;

/**
 * An RLP input that is malformed or not canonical. {@link #kind()} says which rule was broken so
 * that callers (and tests) can tell a truncated input from, say, a padded length; the message
 * carries the offset and the offending values.
 */
public final class RlpException extends IllegalArgumentException {
  /** The rule an input broke. */
  public enum Kind {
    /** The input ended where an item (or a length byte) was expected. */
    UNEXPECTED_END,
    /** A single byte below 0x80 wrapped as a one-byte string ({@code 0x81 0x05}). */
    NON_CANONICAL_SINGLE_BYTE,
    /** The long form (0xb8.., 0xf8..) used for a payload shorter than 56 bytes. */
    NON_CANONICAL_LONG_FORM,
    /** A long-form length field that starts with a zero byte. */
    LEADING_ZERO_IN_LENGTH,
    /** A declared payload length that reaches past the end of the input or enclosing list. */
    LENGTH_BEYOND_INPUT,
    /** Bytes left over after the top-level item (or inside a list after its last read item). */
    TRAILING_BYTES,
    /** An integer whose encoding starts with a zero byte (integers are minimal big-endian). */
    LEADING_ZERO_IN_SCALAR,
    /** An integer or fixed-size value that does not fit the requested width. */
    VALUE_TOO_LARGE,
    /** A fixed-size string (an address, a hash) of the wrong size. */
    WRONG_SIZE,
    /** A list where a string was expected. */
    EXPECTED_STRING,
    /** A string where a list was expected. */
    EXPECTED_LIST
  }

  private final Kind kind;

  public RlpException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
