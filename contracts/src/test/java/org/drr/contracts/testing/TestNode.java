package org.drr.contracts.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drr.contracts.DevAccounts;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The one Ethereum node the tests of this JVM run against.
 *
 * <p>System property {@code drr.test.node} (environment variable {@code DRR_TEST_NODE} as
 * fallback) chooses it: {@code anvil} or unset starts {@code npx anvil} on a free loopback port
 * from the project root (system property {@code drr.root}, else found by walking up from the
 * working directory) and stops it when the JVM exits; {@code drr} starts the project's own node
 * the same way (see {@link DrrNodeProcess}); anything else is the RPC URL of a running
 * node, used as is (its dev accounts, see {@link DevAccounts}, must be funded). Only standard
 * {@code eth_*} methods are used, so the same tests run against the project's own node.
 */
public final class TestNode {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final long RECEIPT_POLL_MILLIS = 25;
  private static final int RECEIPT_POLL_ATTEMPTS = 4_000;
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(12_000_000);
  private static final BigInteger MIN_GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

  private static TestNode shared;

  private final String rpcUrl;
  private final Web3j web3j;
  private final long chainId;
  private final List<Credentials> devAccounts;
  private final ContractGasProvider gas;

  private TestNode(String rpcUrl) throws IOException {
    this.rpcUrl = rpcUrl;
    this.web3j = Web3j.build(new HttpService(rpcUrl));
    this.chainId = web3j.ethChainId().send().getChainId().longValueExact();
    this.devAccounts = DevAccounts.accounts(DevAccounts.FUNDED_COUNT);
    BigInteger nodePrice = web3j.ethGasPrice().send().getGasPrice();
    this.gas = new StaticGasProvider(MIN_GAS_PRICE.max(nodePrice.shiftLeft(1)), GAS_LIMIT);
  }

  /** The shared node, started on first use. */
  public static synchronized TestNode shared() {
    if (shared == null) {
      try {
        shared = start(configuredTarget());
      } catch (IOException e) {
        throw new IllegalStateException("cannot reach the test node: " + e.getMessage(), e);
      }
    }
    return shared;
  }

  /** {@code anvil} or an RPC URL, from drr.test.node / DRR_TEST_NODE. */
  public static String configuredTarget() {
    String value = System.getProperty("drr.test.node");
    if (value == null || value.isBlank()) {
      value = System.getenv("DRR_TEST_NODE");
    }
    return value == null || value.isBlank() ? "anvil" : value.trim();
  }

  private static TestNode start(String target) throws IOException {
    if (target.equals("drr")) {
      return startOwnNode();
    }
    if (!target.equals("anvil")) {
      return new TestNode(target);
    }
    int port = freePort();
    Path root = projectRoot();
    Path log = Files.createTempFile("drr-anvil-", ".log");
    log.toFile().deleteOnExit();
    Process process = new ProcessBuilder(
            "npx", "anvil", "--port", Integer.toString(port), "--hardfork", "cancun", "--silent")
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "stop-anvil"));
    String url = "http://127.0.0.1:" + port;
    awaitChainId(url, process, log);
    return new TestNode(url);
  }

  private static TestNode startOwnNode() throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("drr-node-", ".log");
    log.toFile().deleteOnExit();
    Process process = DrrNodeProcess.start(projectRoot(), port, freePort(), log);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "stop-drr-node"));
    String url = "http://127.0.0.1:" + port;
    awaitChainId(url, process, log);
    return new TestNode(url);
  }

  private static void awaitChainId(String url, Process process, Path log) throws IOException {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    Web3j probe = Web3j.build(new HttpService(url));
    try {
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IOException("the test node exited with code " + process.exitValue() + ": "
              + Files.readString(log).strip());
        }
        try {
          probe.ethChainId().send();
          return;
        } catch (IOException notYet) {
          sleep(100);
        }
      }
      stop(process);
      throw new IOException("the test node did not answer eth_chainId at " + url + " within "
          + STARTUP_TIMEOUT.toSeconds() + " s: " + Files.readString(log).strip());
    } finally {
      probe.shutdown();
    }
  }

  // npx starts anvil as a child process: stop the children too, or anvil outlives the JVM.
  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The repository root: drr.root, else the nearest ancestor with package.json and contracts/. */
  public static Path projectRoot() {
    String configured = System.getProperty("drr.root");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath();
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      boolean root = Files.exists(dir.resolve("package.json"))
          && Files.isDirectory(dir.resolve("contracts"));
      if (root) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the project root from "
        + Paths.get("").toAbsolutePath() + "; set -Ddrr.root");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the test node", e);
    }
  }

  public String rpcUrl() {
    return rpcUrl;
  }

  public Web3j web3j() {
    return web3j;
  }

  public long chainId() {
    return chainId;
  }

  /** Funded dev account {@code index} (0 to 9). */
  public Credentials devAccount(int index) {
    return devAccounts.get(index);
  }

  public List<Credentials> devAccounts() {
    return devAccounts;
  }

  /** A fixed gas price above the node's and a gas limit that fits any registry call. */
  public ContractGasProvider gas() {
    return gas;
  }

  /**
   * Signs locally with {@code sender} and polls briefly for receipts (anvil mines at once; the
   * drr node within its 1-second block period).
   */
  public TransactionManager transactionManager(Credentials sender) {
    return new RawTransactionManager(web3j, sender, chainId,
        new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS));
  }

  /** The timestamp of the latest block, in seconds: the base for validity windows in tests. */
  public long latestTimestamp() {
    try {
      return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
          .getBlock().getTimestamp().longValueExact();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the latest block: " + e.getMessage(), e);
    }
  }
}
