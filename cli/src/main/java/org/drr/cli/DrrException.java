package org.drr.cli;

/**
 * A failure that ends a command with one line on stderr and a specific {@link ExitCode}.
 *
 * <p>Commands throw it for every expected failure (bad input, wrong password, revert, node down)
 * and never print the failure themselves; {@link Drr} turns it into {@code drr: <message>} and
 * the exit code. The message must carry the values involved, and never a private key.
 */
public final class DrrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public DrrException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public DrrException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Malformed or unknown input; nothing was sent. */
  public static DrrException badInput(String message) {
    return new DrrException(ExitCode.BAD_INPUT, message);
  }

  /** The account or its password cannot be used. */
  public static DrrException auth(String message) {
    return new DrrException(ExitCode.AUTH, message);
  }

  /** The contract refused; {@code message} is the decoded custom error. */
  public static DrrException rejected(String message) {
    return new DrrException(ExitCode.REJECTED, message);
  }

  /** The node is unreachable or returned an RPC error. */
  public static DrrException node(String message, Throwable cause) {
    return new DrrException(ExitCode.NODE, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
