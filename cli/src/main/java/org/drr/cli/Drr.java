package org.drr.cli;

import java.io.PrintWriter;
import java.util.List;
import org.drr.cli.command.AccountCommand;
import org.drr.cli.command.AssetCommand;
import org.drr.cli.command.DeployCommand;
import org.drr.cli.command.DevCommand;
import org.drr.cli.command.DisputeCommand;
import org.drr.cli.command.GrantCommand;
import org.drr.cli.command.PolicyCommand;
import org.drr.cli.command.TransferCommand;
import org.drr.cli.command.ParticipantCommand;
import org.drr.cli.genesis.ContractsRegistryPlanner;
import org.drr.node.app.GenesisCommand;
import org.drr.node.app.NodeCommand;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code drr} command: global options and the command groups, nothing else.
 *
 * <p>Global options are inherited, so they may appear before or after the subcommand
 * ({@code drr --json asset list} and {@code drr asset list --json} mean the same). Every failure
 * ends as one {@code drr: ...} line on stderr and an {@link ExitCode}.
 */
@Command(
    name = "drr",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "The Greater Bay Area data-rights registry: register data assets, license and "
        + "transfer them under the cross-border rules, and settle disputes.",
    subcommands = {
      AccountCommand.class,
      DeployCommand.class,
      DevCommand.class,
      ParticipantCommand.class,
      AssetCommand.class,
      GrantCommand.class,
      TransferCommand.class,
      PolicyCommand.class,
      DisputeCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:a check answered no (grant check, policy check, asset verify-file)",
      "2:usage error",
      "3:bad input (malformed address, missing file, unknown id)",
      "4:account or password cannot be used",
      "5:rejected by the registry contract",
      "6:node unreachable or RPC error",
    })
public final class Drr implements Runnable {
  @ArgGroup(exclusive = false, heading = "%nNode:%n", order = 1)
  final NodeOptions node = new NodeOptions();

  @ArgGroup(exclusive = false, heading = "%nSigning account:%n", order = 2)
  final AccountOptions account = new AccountOptions();

  @ArgGroup(exclusive = false, heading = "%nOutput:%n", order = 3)
  final OutputOptions output = new OutputOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Session session;

  /** Runs {@code drr} and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(new Drr()).execute(args));
  }

  /**
   * Builds the configured command line around {@code drr}: exception handlers that map failures
   * to exit codes. Tests call this and {@code execute(args)} in-process.
   */
  public static CommandLine commandLine(Drr drr) {
    CommandLine cmd = new CommandLine(drr);
    // The node's own commands, mounted as they are: drr node runs a ledger node, drr genesis
    // writes a genesis with the registry pre-deployed (planned from the contract wrappers here,
    // which the node module cannot see).
    mountWithoutGlobals(cmd, "node", new NodeCommand());
    mountWithoutGlobals(cmd, "genesis", new GenesisCommand(new ContractsRegistryPlanner()));
    cmd.setExecutionExceptionHandler(Drr::handleExecutionException);
    cmd.setParameterExceptionHandler(Drr::handleParameterException);
    cmd.setExecutionStrategy(parseResult -> {
      try {
        return new CommandLine.RunLast().execute(parseResult);
      } finally {
        if (drr.session != null) {
          drr.session.close();
        }
      }
    });
    return cmd;
  }

  /**
   * The session of this invocation: connection, accounts and output, created on first use so
   * that commands needing no node (e.g. {@code account list}) never touch one.
   */
  public Session session(CommandLine invoked) {
    if (session == null) {
      session = new Session(node, account, output, invoked.getOut(), invoked.getErr());
    }
    return session;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required; see 'drr --help'");
  }

  private static int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof DrrException e) {
      err.println("drr: " + e.getMessage());
      err.flush();
      return e.exitCode();
    }
    if (ex instanceof CommandLine.ParameterException pe) {
      return handleParameterException(pe, new String[0]);
    }
    if (ex instanceof IllegalArgumentException && isNodeCommand(cmd)) {
      // drr node and drr genesis report bad options and files as IllegalArgumentException.
      err.println("drr " + cmd.getCommandName() + ": " + ex.getMessage());
      err.flush();
      return ExitCode.USAGE;
    }
    err.println("drr: internal error: " + ex);
    if (System.getenv("DRR_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  /**
   * Adds {@code command} without drr's inherited client options (--rpc-url, --from, ...): a node
   * or a genesis file has nothing to do with them, and showing them in its help would mislead.
   */
  private static void mountWithoutGlobals(CommandLine root, String name, Object command) {
    root.addSubcommand(name, command);
    CommandLine.Model.CommandSpec spec = root.getSubcommands().get(name).getCommandSpec();
    for (CommandLine.Model.OptionSpec option : List.copyOf(spec.options())) {
      if (option.inherited() && !option.usageHelp() && !option.versionHelp()) {
        spec.remove(option);
      }
    }
  }

  private static boolean isNodeCommand(CommandLine cmd) {
    return cmd.getCommand() instanceof NodeCommand || cmd.getCommand() instanceof GenesisCommand;
  }

  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = ex.getMessage();
    if (message != null && message.contains("expected only one match")) {
      // Picocli's wording for a repeated option of a group; say it in the user's terms.
      message = "a global option is given more than once: give each of --rpc-url, "
          + "--deployment, --keystore, --from, --password-file and --json at most once";
    }
    err.println("drr: " + message);
    err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCode.USAGE;
  }
}
