package org.drr.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** How results are printed. */
public final class OutputOptions {
  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print results as JSON on stdout (for scripts) instead of tables.")
  boolean json;

  public boolean json() {
    return json;
  }
}
