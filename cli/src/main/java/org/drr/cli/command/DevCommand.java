package org.drr.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.NodeConnection;
import org.drr.cli.dev.AnvilDevChain;
import org.drr.cli.dev.DevChain;
import org.drr.cli.dev.DevSetup;
import org.drr.cli.dev.DrrNodeDevChain;
import org.drr.cli.output.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drr dev}: a local chain in the foreground with a registry and a demo cast ready to use.
 * State lives under {@code .drr/dev/} and survives restarts; Ctrl-C stops the chain.
 */
@Command(name = "dev",
    description = "Start a local dev chain (until Ctrl-C) with the registry deployed, one "
        + "authority per region and demo participants with keystores; print how to use them.")
public final class DevCommand extends CommandSupport implements Callable<Integer> {
  @Option(names = "--dev-dir", paramLabel = "DIR",
      description = "Where chain state, keystores and the deployment go "
          + "(default: <project>/.drr/dev).")
  Path devDir;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address the chain's RPC listens on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8545",
      description = "RPC port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--chain", defaultValue = "drr", paramLabel = "drr|anvil",
      description = "Which node runs the dev chain: drr (the project's own node, in this "
          + "process) or anvil (default: ${DEFAULT-VALUE}).")
  String chainKind;

  @Option(names = "--setup-only",
      description = "Stop the chain after setting up instead of running until Ctrl-C.")
  boolean setupOnly;

  @Override
  public Integer call() throws Exception {
    Path root = projectRoot();
    Path dir = devDir != null ? devDir : root.resolve(".drr/dev");
    Output out = session().out();
    DevSetup setup = new DevSetup(dir);
    try (DevChain chain = devChain(root, dir)) {
      // Ctrl-C ends the JVM through shutdown hooks: stop the chain there so it saves its state.
      Thread stopChain = new Thread(chain::close, "stop-dev-chain");
      Runtime.getRuntime().addShutdownHook(stopChain);
      try {
        return run(chain, setup, out, dir);
      } finally {
        removeHook(stopChain);
      }
    }
  }

  private DevChain devChain(Path root, Path dir) {
    return switch (chainKind) {
      case "drr" -> new DrrNodeDevChain(root.resolve("genesis"), dir, host, port);
      case "anvil" -> new AnvilDevChain(root, dir, host, port);
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--chain must be drr or anvil, not '" + chainKind + "'");
    };
  }

  private int run(DevChain chain, DevSetup setup, Output out, Path dir) throws Exception {
    out.note("starting the dev chain (" + chainKind + ") on " + host + ":" + port
        + ", state in " + dir);
    chain.start();
    try (NodeConnection node = NodeConnection.open(chain.rpcUrl())) {
      if (setup.alreadyDeployed(node)) {
        out.note("registry found from an earlier run; reusing it");
      } else {
        out.note("deploying the registry and onboarding the demo participants…");
        setup.populate(node);
      }
    }
    printUsage(out, dir, chain.rpcUrl());
    if (setupOnly) {
      return ExitCode.OK;
    }
    out.note("dev chain running; Ctrl-C stops it (state is kept)");
    chain.awaitExit();
    return ExitCode.OK;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Already running: the hook stops the chain.
    }
  }

  private static void printUsage(Output out, Path dir, String rpcUrl) {
    StringBuilder s = new StringBuilder();
    s.append("\nThe dev registry is ready. In another terminal:\n\n");
    s.append("  export DRR_HOME=").append(dir.toAbsolutePath()).append('\n');
    if (!rpcUrl.equals("http://127.0.0.1:8545")) {
      s.append("  export DRR_RPC_URL=").append(rpcUrl).append('\n');
    }
    s.append("""
          ./drr account list
          ./drr participant list
          echo "demo data" > /tmp/demo.csv
          ./drr --from gd-enterprise asset register --file /tmp/demo.csv --title "Demo data" \\
              --scenario "route planning" --category ENTERPRISE --classification GENERAL \\
              --sector transport
          ./drr --from gd-enterprise transfer request 1 --to hk-enterprise
          ./drr asset history 1

        Accounts (keystore $DRR_HOME/keystore, password in $DRR_HOME/password, used
        automatically): deployer, gd-authority, hk-authority, mo-authority, gd-enterprise,
        hk-enterprise, mo-enterprise, gd-court, hk-mediator. See docs/cli.md for every command.
        """);
    out.note(s.toString());
  }

  private static Path projectRoot() {
    String configured = System.getProperty("drr.root");
    Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("genesis/dev.json"))
          && (Files.isDirectory(p.resolve("node_modules/@foundry-rs/anvil"))
              || Files.isExecutable(p.resolve("node_modules/.bin/anvil")))) {
        return p;
      }
    }
    throw new DrrException(ExitCode.BAD_INPUT, "cannot find the project (genesis/dev.json and "
        + "node_modules with anvil) above " + start + "; run ./drr dev from the repository "
        + "(./drr installs the pinned anvil on first use)");
  }
}
