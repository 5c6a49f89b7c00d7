package org.drr.node.app;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.drr.node.types.Address;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drr node}: runs a single-validator QBFT node until SIGTERM/SIGINT. Options follow Besu's
 * names and grouping; {@code --config-file} supplies defaults from TOML.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Runs a drr ledger node (single-validator QBFT, JSON-RPC, metrics).")
public final class NodeCommand implements Callable<Integer> {
  @Option(names = "--config-file", paramLabel = "<FILE>", description = "TOML file with option defaults (keys are option names without dashes)")
  Path configFile;

  @ArgGroup(validate = false, heading = "%nNode and chain%n")
  final Chain chain = new Chain();

  @ArgGroup(validate = false, heading = "%nJSON-RPC HTTP%n")
  final Http http = new Http();

  @ArgGroup(validate = false, heading = "%nJSON-RPC WebSocket%n")
  final Ws ws = new Ws();

  @ArgGroup(validate = false, heading = "%nTransaction pool and permissioning%n")
  final Pool pool = new Pool();

  @ArgGroup(validate = false, heading = "%nMetrics%n")
  final Metrics metrics = new Metrics();

  static final class Chain {
    @Option(names = "--data-path", paramLabel = "<PATH>", defaultValue = "./drr-data", description = "Database and node key directory (default: ${DEFAULT-VALUE})")
    Path dataPath;

    @Option(names = "--genesis-file", paramLabel = "<FILE>", required = false, description = "Besu-format genesis file (required)")
    Path genesisFile;

    @Option(names = "--node-private-key-file", paramLabel = "<FILE>", description = "Validator key as hex (default: <data-path>/key, created if missing)")
    Path nodeKeyFile;

    @Option(names = "--empty-blocks-enabled", paramLabel = "<BOOL>", arity = "1", defaultValue = "false", description = "Produce blocks without transactions (default: ${DEFAULT-VALUE})")
    boolean emptyBlocks;
  }

  static final class Http {
    @Option(names = "--rpc-http-enabled", paramLabel = "<BOOL>", arity = "1", defaultValue = "true", description = "Serve JSON-RPC over HTTP (default: ${DEFAULT-VALUE})")
    boolean enabled;

    @Option(names = "--rpc-http-host", paramLabel = "<HOST>", defaultValue = "127.0.0.1", description = "HTTP listen host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--rpc-http-port", paramLabel = "<PORT>", defaultValue = "8545", description = "HTTP listen port; 0 picks one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host-allowlist", paramLabel = "<HOST>", split = ",", defaultValue = "localhost,127.0.0.1", description = "Accepted Host headers, * for any (default: ${DEFAULT-VALUE})")
    java.util.List<String> hostAllowlist;

    @Option(names = "--rpc-http-cors-origins", paramLabel = "<ORIGIN>", split = ",", description = "Origins browsers may call from, * for any (default: none)")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(names = "--rpc-http-max-active-connections", paramLabel = "<COUNT>", defaultValue = "80", description = "Most open HTTP connections; more are closed as they open (default: ${DEFAULT-VALUE})")
    int maxActiveConnections;
  }

  static final class Ws {
    @Option(names = "--rpc-ws-enabled", paramLabel = "<BOOL>", arity = "1", defaultValue = "true", description = "Serve JSON-RPC over WebSocket (default: ${DEFAULT-VALUE})")
    boolean enabled;

    @Option(names = "--rpc-ws-port", paramLabel = "<PORT>", defaultValue = "8546", description = "WebSocket listen port; 0 picks one (default: ${DEFAULT-VALUE})")
    int port;
  }

  static final class Pool {
    @Option(names = "--min-gas-price", paramLabel = "<WEI>", defaultValue = "0", description = "Lowest fee cap accepted, in wei (default: ${DEFAULT-VALUE})")
    BigInteger minGasPrice;

    @Option(names = "--tx-pool-max-size", paramLabel = "<N>", defaultValue = "4096", description = "Pending transactions kept (default: ${DEFAULT-VALUE})")
    int maxSize;

    @Option(names = "--permissions-accounts-enabled", paramLabel = "<BOOL>", arity = "1", defaultValue = "true", description = "Only active registry participants may send (default: ${DEFAULT-VALUE}; off when the genesis names no registry)")
    boolean permissions;

    @Option(names = "--permissions-registry-address", paramLabel = "<ADDRESS>", description = "ParticipantRegistry address (default: genesis drr.participantRegistry)")
    String registry;
  }

  static final class Metrics {
    @Option(names = "--metrics-enabled", paramLabel = "<BOOL>", arity = "1", defaultValue = "false", description = "Serve Prometheus metrics (default: ${DEFAULT-VALUE})")
    boolean enabled;

    @Option(names = "--metrics-host", paramLabel = "<HOST>", defaultValue = "127.0.0.1", description = "Metrics listen host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--metrics-port", paramLabel = "<PORT>", defaultValue = "9545", description = "Metrics listen port (default: ${DEFAULT-VALUE})")
    int port;
  }

  /** The configuration these options describe. */
  NodeConfig toConfig() {
    if (chain.genesisFile == null) {
      throw new IllegalArgumentException("--genesis-file is required");
    }
    if (http.maxActiveConnections < 1) {
      throw new IllegalArgumentException(
          "--rpc-http-max-active-connections must be at least 1; got " + http.maxActiveConnections);
    }
    Address registry = pool.registry == null || pool.registry.isBlank() ? null : Address.fromHexString(pool.registry);
    return new NodeConfig(
        chain.dataPath, chain.genesisFile, chain.nodeKeyFile, http.enabled, http.host, http.port,
        http.hostAllowlist, http.corsOrigins,
        ws.enabled, ws.port, pool.minGasPrice, metrics.enabled, metrics.host, metrics.port,
        chain.emptyBlocks, pool.permissions, registry, pool.maxSize, http.maxActiveConnections);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether this instance was parsed with the TOML defaults already installed. */
  private boolean tomlApplied;

  @Override
  public Integer call() throws Exception {
    if (configFile != null && !tomlApplied) {
      // Mounted as a subcommand (drr node), the TOML provider was not installed before parsing:
      // parse this command's own arguments again with it.
      List<String> all = spec.commandLine().getParseResult().originalArgs();
      // originalArgs holds the whole command line; this command's own arguments follow its name
      List<String> own = spec.parent() == null ? all : all.subList(all.indexOf(spec.name()) + 1, all.size());
      CommandLine withDefaults = commandLine(own.toArray(new String[0]));
      withDefaults.parseArgs(own.toArray(new String[0]));
      return ((NodeCommand) withDefaults.getCommand()).run();
    }
    return run();
  }

  private int run() throws Exception {
    NodeConfig config = toConfig();
    CountDownLatch stopped = new CountDownLatch(1);
    DrrNode node = DrrNode.start(config);
    Thread hook = new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "drr-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return 0;
  }

  /** A command line for {@code drr node}, reading {@code --config-file} defaults from {@code args}. */
  public static CommandLine commandLine(String... args) {
    NodeCommand command = new NodeCommand();
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          c.getErr().println("drr node: " + ex.getMessage());
          return ex instanceof IllegalArgumentException ? 2 : 1;
        });
    Path configFile = findConfigFile(args);
    if (configFile != null) {
      TomlDefaults defaults = new TomlDefaults(configFile);
      defaults.checkKeys(cl.getCommandSpec());
      cl.setDefaultValueProvider(defaults);
      command.tomlApplied = true;
    }
    return cl;
  }

  private static Path findConfigFile(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--config-file=")) {
        return Path.of(args[i].substring("--config-file=".length()));
      }
      if (args[i].equals("--config-file") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
    }
    return null;
  }

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine(args).execute(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      code = 2;
    }
    System.exit(code);
  }
}
