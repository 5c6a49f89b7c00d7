package org.drr.cli.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;

/**
 * anvil (the npm-pinned {@code @foundry-rs/anvil}) as the dev chain, with its state dumped to a
 * file on exit and every few seconds, and loaded again on the next start.
 */
public final class AnvilDevChain implements DevChain {
  /** anvil's first default dev account (public knowledge; test mnemonic). */
  private static final String ANVIL_KEY_0 =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path projectRoot;
  private final Path dataDir;
  private final String host;
  private final int port;
  private Process process;

  /**
   * @param projectRoot where {@code node_modules/.bin/anvil} is
   * @param dataDir where the state file and the log go
   */
  public AnvilDevChain(Path projectRoot, Path dataDir, String host, int port) {
    this.projectRoot = projectRoot;
    this.dataDir = dataDir;
    this.host = host;
    this.port = port;
  }

  @Override
  public void start() throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    List<String> command = new ArrayList<>(anvilCommand());
    command.addAll(List.of(
        "--host", host,
        "--port", Integer.toString(port),
        "--hardfork", "cancun",
        // --state loads the file if present and dumps to it on exit; the interval limits what
        // a crash (kill -9) can lose.
        "--state", dataDir.resolve("anvil-state.json").toString(),
        "--state-interval", "5",
        "--preserve-historical-states"));
    Path log = dataDir.resolve("anvil.log");
    process = new ProcessBuilder(command)
        .directory(projectRoot.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    waitForRpc(log);
  }

  private List<String> anvilCommand() {
    Path local = projectRoot.resolve("node_modules/.bin/anvil");
    if (Files.isExecutable(local)) {
      return List.of(local.toString());
    }
    return List.of("npx", "--no-install", "anvil");
  }

  private void waitForRpc(Path log) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new DrrException(ExitCode.NODE, "anvil exited with code " + process.exitValue()
            + " during start-up (port " + port + " in use?); see " + log);
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    close();
    throw new DrrException(ExitCode.NODE, "anvil did not answer on " + rpcUrl() + " within "
        + START_TIMEOUT.toSeconds() + "s; see " + log);
  }

  @Override
  public String rpcUrl() {
    return "http://" + host + ":" + port;
  }

  @Override
  public String funderKey() {
    return ANVIL_KEY_0;
  }

  @Override
  public void awaitExit() throws InterruptedException {
    process.waitFor();
  }

  @Override
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    // The npm launcher runs the anvil binary as a child and does not forward signals: stop the
    // descendants first. SIGTERM lets anvil write its state file before exiting.
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      for (ProcessHandle child : children) {
        child.onExit().get(20, TimeUnit.SECONDS);
      }
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      children.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      children.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
