package org.drr.node.compat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drr.node.app.NodeCommand;
import org.drr.node.rpc.RpcClient;

/** The node as a separate JVM ({@link NodeCommand}) with HTTP JSON-RPC on a free port. */
final class NodeProcess {
  private final Process process;
  private final int port;

  private NodeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the node from this JVM's class path on {@code dir}'s genesis, key and data; returns
   * once RPC answers.
   */
  static NodeProcess start(Path dir, Path log) throws IOException, InterruptedException {
    return start(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), NodeCommand.class.getName()), dir, log);
  }

  /**
   * Starts the node as operators do, with {@code ./drr node} (the packaged build), adding {@code
   * options} to the command line.
   */
  static NodeProcess startWithLauncher(Path dir, Path log, String... options)
      throws IOException, InterruptedException {
    List<String> launch =
        new ArrayList<>(List.of(ProjectRoot.get().resolve("drr").toString(), "node"));
    launch.addAll(List.of(options));
    return start(launch, dir, log);
  }

  private static NodeProcess start(List<String> launch, Path dir, Path log)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(launch);
    command.addAll(List.of(
        "--genesis-file", dir.resolve("genesis.json").toString(),
        "--data-path", dir.resolve("data").toString(),
        "--node-private-key-file", dir.resolve("key").toString(),
        "--rpc-http-port", Integer.toString(port), "--rpc-ws-enabled", "false",
        "--tx-pool-max-size", "20000"));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    NodeProcess node = new NodeProcess(p, port);
    RpcClient rpc = new RpcClient(port);
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try {
        rpc.call("eth_chainId");
        return node;
      } catch (IOException notYet) {
        if (!p.isAlive() || System.currentTimeMillis() > deadline) {
          p.destroyForcibly();
          throw new IOException("node did not start on port " + port + ": "
              + Files.readString(log));
        }
        Thread.sleep(100);
      }
    }
  }

  int port() {
    return port;
  }

  /** The node's JVM. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** SIGTERM (a graceful shutdown that closes RocksDB), and wait up to a minute for it. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** SIGKILL, and wait for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
