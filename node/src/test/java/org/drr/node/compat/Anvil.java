package org.drr.node.compat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drr.node.rpc.RpcClient;

/**
 * The npm-pinned anvil on a free loopback port, Cancun, chain id {@link CompatNode#CHAIN_ID},
 * zero base fee and gas price (so the same zero-priced transactions run on both nodes), plus any
 * extra options; stopped with its npx parent on {@link #close}.
 */
final class Anvil implements AutoCloseable {
  private final Process process;
  private final int port;

  private Anvil(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Anvil start(Path log, String... extra) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of("npx", "anvil", "--port",
        Integer.toString(port), "--hardfork", "cancun", "--chain-id",
        Long.toString(CompatNode.CHAIN_ID), "--base-fee", "0", "--gas-price", "0",
        "--gas-limit", "1000000000"));
    command.addAll(List.of(extra));
    Process process = new ProcessBuilder(command)
        .directory(ProjectRoot.get().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Anvil anvil = new Anvil(process, port);
    RpcClient rpc = new RpcClient(port);
    long deadline = System.currentTimeMillis() + 90_000;
    while (true) {
      try {
        rpc.call("eth_chainId");
        return anvil;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
          anvil.close();
          throw new IOException("anvil did not start on port " + port + ": "
              + Files.readString(log).strip());
        }
        Thread.sleep(100);
      }
    }
  }

  int port() {
    return port;
  }

  /** The process started ({@code npx}); anvil itself is among its descendants. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
