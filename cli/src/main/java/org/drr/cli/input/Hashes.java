package org.drr.cli.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.drr.cli.DrrException;

/**
 * Document references: the contracts store only 32-byte hashes of documents (terms, rulings,
 * evidence). The user gives either the hash itself or a file, which is hashed locally with
 * SHA-256 and never leaves the machine.
 */
public final class Hashes {
  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
  public static final String ZERO = "0x" + "0".repeat(64);

  private Hashes() {}

  /** The hash {@code value} names: a 0x… 32-byte hash as is, or the SHA-256 of that file. */
  public static String fileOrHash(String option, String value) {
    if (value == null) {
      throw DrrException.badInput(option + " is required (a file, or a 0x… 32-byte hash)");
    }
    if (HASH.matcher(value).matches()) {
      return value.toLowerCase(java.util.Locale.ROOT);
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      throw DrrException.badInput("for " + option + ": '" + value
          + "' is neither a 0x… 32-byte hash nor an existing file");
    }
    return Fingerprints.ofFile(option, file);
  }

  /** Like {@link #fileOrHash} but absent means the zero hash ("none given"). */
  public static String optional(String option, String value) {
    return value == null ? ZERO : fileOrHash(option, value);
  }
}
