package org.drr.cli.dev;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.contracts.DevAccounts;
import org.drr.node.app.DrrNode;
import org.drr.node.app.NodeConfig;
import org.drr.node.rpc.transport.RpcServerConfig;

/**
 * The project's own node as the dev chain, run in this JVM: one validator on the dev genesis
 * ({@code genesis/dev.json}, registry pre-deployed at block 0, authorities are dev accounts 1–3),
 * with its database in {@code <dev-dir>/node}. The genesis is copied into the dev folder on the
 * first start, so regenerating {@code genesis/dev.json} never orphans an existing dev chain.
 *
 * <p>The node permissions senders by the registry: only active participants may send, which is
 * why {@link DevSetup} onboards the demo cast through the genesis authorities.
 */
public final class DrrNodeDevChain implements DevChain {
  private final Path genesisDir;
  private final Path dataDir;
  private final String host;
  private final int port;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private DrrNode node;

  /**
   * @param genesisDir the folder holding {@code dev.json} and {@code dev.keys/validator-0.key}
   * @param dataDir where the genesis copy and the node's database go
   * @param port the HTTP JSON-RPC port; WebSocket listens on the next one
   */
  public DrrNodeDevChain(Path genesisDir, Path dataDir, String host, int port) {
    this.genesisDir = genesisDir;
    this.dataDir = dataDir;
    this.host = host;
    this.port = port;
  }

  @Override
  public void start() throws IOException {
    Path genesis = dataDir.resolve("genesis.json");
    Path validatorKey = dataDir.resolve("validator.key");
    if (!Files.exists(genesis)) {
      Files.createDirectories(dataDir);
      Files.copy(genesisDir.resolve("dev.json"), genesis);
      Files.copy(genesisDir.resolve("dev.keys/validator-0.key"), validatorKey);
    }
    NodeConfig config = new NodeConfig(dataDir.resolve("node"), genesis, validatorKey,
        true, host, port, List.of("localhost", "127.0.0.1", host), List.of(),
        true, port + 1, BigInteger.ZERO, false, host, 0, false, true, null, 4096,
        RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    try {
      node = DrrNode.start(config);
    } catch (IOException | RuntimeException e) {
      throw new DrrException(ExitCode.NODE, "the dev node did not start on " + host + ":" + port
          + " (port in use, or another drr dev running on " + dataDir + "?): " + e.getMessage(),
          e);
    }
  }

  @Override
  public String rpcUrl() {
    return "http://" + host + ":" + port;
  }

  @Override
  public String funderKey() {
    // Dev account 0 is funded in the dev genesis (it is not a participant, so it cannot send
    // until an authority registers it).
    return String.format("%064x", DevAccounts.account(0).getEcKeyPair().getPrivateKey());
  }

  @Override
  public void awaitExit() throws InterruptedException {
    stopped.await();
  }

  @Override
  public boolean isRunning() {
    return node != null;
  }

  @Override
  public synchronized void close() {
    if (node != null) {
      node.close();
      node = null;
    }
    stopped.countDown();
  }
}
