package org.drr.cli.input;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.drr.cli.DrrException;
import org.web3j.crypto.Keys;

/**
 * Parses and checks user input before anything is sent. Every failure is a bad-input
 * {@link DrrException} naming the option and the offending value, so a typo never costs a
 * transaction.
 */
public final class Inputs {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern UINT = Pattern.compile("[0-9]{1,77}");

  private Inputs() {}

  /** A 20-byte hex address, returned checksummed. */
  public static String address(String option, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw DrrException.badInput("malformed address for " + option + ": '" + value
          + "' (expected 0x followed by 40 hex digits)");
    }
    String lower = value.toLowerCase(Locale.ROOT);
    String checksummed = Keys.toChecksumAddress(lower);
    boolean mixedCase = !value.equals(lower) && !value.substring(2).equals(
        value.substring(2).toUpperCase(Locale.ROOT));
    if (mixedCase && !value.equals(checksummed)) {
      throw DrrException.badInput("address for " + option + " has a wrong checksum: '" + value
          + "' (did you mean " + checksummed + "?)");
    }
    return checksummed;
  }

  /** A 32-byte hex value (hashes, fingerprints), returned lower-case. */
  public static String bytes32(String option, String value) {
    if (value == null || !BYTES32.matcher(value).matches()) {
      throw DrrException.badInput("malformed " + option + ": '" + value
          + "' (expected 0x followed by 64 hex digits)");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A non-negative integer id or amount. */
  public static BigInteger uint(String option, String value) {
    if (value == null || !UINT.matcher(value).matches()) {
      throw DrrException.badInput("malformed " + option + ": '" + value
          + "' (expected a non-negative whole number)");
    }
    return new BigInteger(value);
  }

  /**
   * One member of a fixed set, case-insensitive, e.g. a region or a data category.
   *
   * @return the member's index in {@code members}, as its Solidity enum value
   */
  public static int member(String option, String value, List<String> members) {
    String upper = value == null ? "" : value.toUpperCase(Locale.ROOT);
    int index = members.indexOf(upper);
    if (index < 0) {
      throw DrrException.badInput("unknown " + option + " '" + value + "' (one of "
          + String.join(", ", members) + ")");
    }
    return index;
  }

  /** A time as Unix seconds: either an ISO-8601 instant or a plain number of seconds. */
  public static BigInteger time(String option, String value) {
    if (value != null && UINT.matcher(value).matches()) {
      return new BigInteger(value);
    }
    try {
      return BigInteger.valueOf(Instant.parse(value).getEpochSecond());
    } catch (DateTimeParseException | NullPointerException e) {
      throw DrrException.badInput("malformed " + option + ": '" + value
          + "' (expected e.g. 2030-01-01T00:00:00Z or Unix seconds)");
    }
  }

  /** A readable regular file. */
  public static Path existingFile(String option, Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      throw DrrException.badInput("file not found for " + option + ": " + file);
    }
    if (!Files.isReadable(file)) {
      throw DrrException.badInput("file not readable for " + option + ": " + file);
    }
    return file;
  }

  /** A non-blank text of at most {@code maxLength} characters. */
  public static String text(String option, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw DrrException.badInput(option + " must not be empty");
    }
    if (value.length() > maxLength) {
      throw DrrException.badInput(option + " is " + value.length() + " characters long (at most "
          + maxLength + ")");
    }
    return value;
  }
}
