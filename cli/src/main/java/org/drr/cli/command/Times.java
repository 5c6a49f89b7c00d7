package org.drr.cli.command;

import java.math.BigInteger;
import java.time.Instant;

/** Renders contract times (Unix seconds) for people. */
final class Times {
  private Times() {}

  /** ISO-8601 UTC, or "-" for 0 (unset). */
  static String iso(BigInteger seconds) {
    if (seconds == null || seconds.signum() == 0) {
      return "-";
    }
    return Instant.ofEpochSecond(seconds.longValueExact()).toString();
  }
}
