package org.drr.cli.chain;

import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;

/** How a decoded revert line becomes an exit code. */
public final class Reverts {
  private Reverts() {}

  /**
   * {@code Unknown*} errors (UnknownAsset, UnknownGrant, …) mean the user named something that
   * does not exist: bad input. Every other revert is the contract refusing: REJECTED.
   */
  public static DrrException exception(String line) {
    return new DrrException(
        line.startsWith("Unknown") ? ExitCode.BAD_INPUT : ExitCode.REJECTED, line);
  }
}
