package org.drr.node.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the npm-pinned Foundry {@code cast} against one RPC URL and returns its output. */
final class Cast {
  private final String rpcUrl;

  Cast(String rpcUrl) {
    this.rpcUrl = rpcUrl;
  }

  /**
   * Runs {@code cast <subcommand> --rpc-url <url> <more args>}; returns stdout, trimmed.
   *
   * @throws AssertionError if cast exits non-zero, prints nothing or takes over 60 s (the message shows the
   *     command with any private key elided, and cast's output)
   */
  String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("npx", "cast"));
    // Options go right after the subcommand: `send --create <code>` takes every later argument.
    command.add(args[0]);
    command.addAll(List.of("--rpc-url", rpcUrl));
    command.addAll(List.of(args).subList(1, args.length));
    Process p = new ProcessBuilder(command)
        .directory(ProjectRoot.get().toFile())
        .redirectErrorStream(false)
        .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cast " + shown(args) + " did not finish in 60 s");
    }
    String stdout = new String(out, StandardCharsets.UTF_8).trim();
    if (p.exitValue() != 0 || stdout.isEmpty()) {
      throw new AssertionError("cast " + shown(args) + " exited " + p.exitValue() + ": "
          + stdout + " " + new String(err, StandardCharsets.UTF_8).trim());
    }
    return stdout;
  }

  /** The arguments for messages, with the value after --private-key replaced. */
  private static String shown(String... args) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      boolean secret = i > 0 && args[i - 1].equals("--private-key");
      shown.add(secret ? "<key>" : args[i]);
    }
    return String.join(" ", shown);
  }
}
