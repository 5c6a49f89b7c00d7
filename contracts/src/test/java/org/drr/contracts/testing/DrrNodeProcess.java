package org.drr.contracts.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.drr.contracts.DevAccounts;
import org.web3j.crypto.Credentials;

/**
 * The project's own node ({@code drr node}) as a child process for {@link TestNode}: a fresh
 * single-validator chain in a temporary folder, generated with {@code drr genesis
 * --without-registry} so that account permissioning is off (the tests deploy their own
 * registries) and the dev accounts are funded.
 *
 * <p>This module cannot depend on the node at compile time (the node's tests use these
 * contracts), so the node runs from a class path: system property {@code drr.node.classpath},
 * else {@code cli/target/classes} and {@code cli/target/lib/*} of a prior {@code mvn package}.
 */
final class DrrNodeProcess {
  private static final String MAIN = "org.drr.cli.Drr";

  private DrrNodeProcess() {}

  /** Starts the node with HTTP JSON-RPC on {@code httpPort}; the caller waits for it to answer. */
  static Process start(Path root, int httpPort, int wsPort, Path log) throws IOException {
    String classpath = classpath(root);
    Path dir = Files.createTempDirectory("drr-test-node-");
    Path genesis = dir.resolve("genesis.json");
    Path keys = dir.resolve("keys");
    String funded = DevAccounts.accounts(DevAccounts.FUNDED_COUNT).stream()
        .map(Credentials::getAddress).collect(Collectors.joining(","));
    run(root, log, java(classpath, "genesis", "--without-registry", "--output", genesis.toString(),
        "--keys-dir", keys.toString(), "--fund", funded));
    Process node = new ProcessBuilder(java(classpath, "node",
            "--genesis-file", genesis.toString(),
            "--data-path", dir.resolve("data").toString(),
            "--node-private-key-file", keys.resolve("validator-0.key").toString(),
            "--rpc-http-port", Integer.toString(httpPort),
            "--rpc-ws-port", Integer.toString(wsPort),
            "--permissions-accounts-enabled", "false"))
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return node;
  }

  private static void run(Path root, Path log, List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("'" + String.join(" ", command) + "' failed: "
            + Files.readString(log).strip());
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating the test genesis", e);
    }
  }

  private static List<String> java(String classpath, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", classpath, MAIN));
    command.addAll(List.of(args));
    return command;
  }

  private static String classpath(Path root) {
    String configured = System.getProperty("drr.node.classpath");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    Path classes = root.resolve("cli/target/classes");
    Path lib = root.resolve("cli/target/lib");
    if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
      throw new IllegalStateException("drr.test.node=drr needs the node's class path: set "
          + "-Ddrr.node.classpath, or build it first with 'mvn -B -DskipTests -pl cli -am "
          + "package' (" + classes + " and " + lib + " are missing)");
    }
    return classes + java.io.File.pathSeparator + lib + "/*";
  }
}
