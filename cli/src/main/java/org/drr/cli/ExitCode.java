package org.drr.cli;

/**
 * The process exit codes of {@code drr}, documented in {@code docs/cli.md}. Scripts rely on them,
 * so a value never changes meaning once released.
 */
public final class ExitCode {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** A check ran and its answer is "no" (e.g. {@code grant check} on an invalid right). */
  public static final int CHECK_FAILED = 1;
  /** The command line itself is wrong: unknown option, missing parameter, bad option value. */
  public static final int USAGE = 2;
  /** Well-formed command, bad input: malformed address, missing file, unknown id. */
  public static final int BAD_INPUT = 3;
  /** The signing account cannot be used: unknown account, wrong password, no password given. */
  public static final int AUTH = 4;
  /** The registry contract refused the operation (a revert, decoded into its custom error). */
  public static final int REJECTED = 5;
  /** The node could not be reached or answered with an RPC error. */
  public static final int NODE = 6;
  /** A bug or an unexpected failure inside drr; the message names what failed. */
  public static final int INTERNAL = 70;

  private ExitCode() {}
}
