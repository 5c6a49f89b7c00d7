package org.drr.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code drr} in-process exactly as {@link Drr#main} does, with stdout and stderr captured.
 *
 * @param exitCode the command's exit code
 * @param out everything printed on stdout
 * @param err everything printed on stderr
 */
public record DrrRun(int exitCode, String out, String err) {

  /** Runs {@code drr args...}. */
  public static DrrRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Drr.commandLine(new Drr());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new DrrRun(code, out.toString(), err.toString());
  }

  /** Runs {@code drr} with {@code common} options followed by {@code args}. */
  public static DrrRun of(List<String> common, String... args) {
    List<String> all = new ArrayList<>(common);
    all.addAll(Arrays.asList(args));
    return of(all.toArray(String[]::new));
  }

  /** The stderr lines, without blank ones. */
  public List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
