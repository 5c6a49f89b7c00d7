package org.drr.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drr.cli.account.Keystore;
import org.drr.cli.account.PasswordSource;
import org.drr.cli.chain.AbiCatalog;
import org.drr.cli.chain.NodeConnection;
import org.drr.cli.chain.RevertLines;
import org.drr.cli.chain.TransactionSender;
import org.drr.cli.deployment.Deployment;
import org.drr.cli.deployment.GenesisDeployment;
import org.drr.cli.output.Output;
import org.drr.cli.registry.Registry;
import org.web3j.crypto.Credentials;

/**
 * Everything one {@code drr} invocation works with, built lazily from the global options: the
 * output, the keystore, the unlocked signer, the node connection and the registry deployment.
 *
 * <p>Laziness is the point: a command that only reads the keystore never connects to a node,
 * and bad input is rejected before any password prompt or network call.
 */
public final class Session implements AutoCloseable {
  private final NodeOptions nodeOptions;
  private final AccountOptions accountOptions;
  private final Output output;

  private Keystore keystore;
  private NodeConnection node;
  private Credentials signer;
  private TransactionSender sender;
  private Deployment deployment;
  private AbiCatalog abi;
  private RevertLines reverts;
  private Registry registry;

  Session(
      NodeOptions nodeOptions,
      AccountOptions accountOptions,
      OutputOptions outputOptions,
      PrintWriter out,
      PrintWriter err) {
    this.nodeOptions = nodeOptions;
    this.accountOptions = accountOptions;
    this.output = new Output(out, err, outputOptions.json());
  }

  public Output out() {
    return output;
  }

  public Keystore keystore() {
    if (keystore == null) {
      keystore = new Keystore(accountOptions.keystore());
    }
    return keystore;
  }

  /** Where passwords come from: {@code --password-file}, the dev password file, or a prompt. */
  public PasswordSource passwords() {
    Path file = accountOptions.passwordFile();
    if (file == null) {
      Path devDefault = DrrHome.dir().resolve("password");
      if (Files.isRegularFile(devDefault)) {
        file = devDefault;
      }
    }
    return new PasswordSource(file);
  }

  /** The {@code --from} value, or an auth failure saying how to give one. */
  public String fromOption() {
    String from = accountOptions.from();
    if (from == null || from.isBlank()) {
      throw DrrException.auth(
          "no signing account: pass --from NAME|ADDRESS or set DRR_FROM (see 'drr account list')");
    }
    return from;
  }

  /** The unlocked {@code --from} account. Prompts for (or reads) its password once. */
  public Credentials signer() {
    if (signer == null) {
      Keystore.Entry entry = keystore().find(fromOption());
      signer = keystore().unlock(entry, passwords().read("Password for " + entry.name() + ": "));
    }
    return signer;
  }

  /** The address calls are made from: the {@code --from} account, without unlocking it. */
  public String callerAddress() {
    if (signer != null) {
      return signer.getAddress();
    }
    String from = accountOptions.from();
    if (from == null || from.isBlank()) {
      return null;
    }
    return keystore().find(from).address();
  }

  public NodeConnection node() {
    if (node == null) {
      node = NodeConnection.open(nodeOptions.rpcUrl());
    }
    return node;
  }

  public TransactionSender sender() {
    if (sender == null) {
      sender = new TransactionSender(node(), signer(), reverts());
    }
    return sender;
  }

  /** Turns revert data into one line naming the custom error. */
  public RevertLines reverts() {
    if (reverts == null) {
      reverts = new RevertLines();
    }
    return reverts;
  }

  /** Names and decodes the registry's events and custom errors. */
  public AbiCatalog abi() {
    if (abi == null) {
      abi = AbiCatalog.load();
    }
    return abi;
  }

  public Path deploymentFile() {
    return nodeOptions.deploymentFile();
  }

  /**
   * The registry deployment named by {@code --deployment}, checked against the node's chain.
   * Without that file, the registry pre-deployed in a drr genesis (at the fixed directory
   * address) is used if the chain has one.
   */
  public Deployment deployment() {
    if (deployment == null && !Files.exists(nodeOptions.deploymentFile())) {
      deployment = GenesisDeployment.find(node()).orElse(null);
    }
    if (deployment == null) {
      deployment = Deployment.read(nodeOptions.deploymentFile());
      long chainId = node().chainId();
      if (deployment.chainId() != chainId) {
        throw DrrException.badInput(
            "deployment file " + nodeOptions.deploymentFile() + " is for chain "
                + deployment.chainId() + " but the node at " + nodeOptions.rpcUrl()
                + " is chain " + chainId);
      }
    }
    return deployment;
  }

  /** The registry of {@link #deployment()}, read as the {@code --from} account (if any). */
  public Registry registry() {
    if (registry == null) {
      registry = new Registry(deployment(), node(), abi(), reverts(), callerAddress(),
          this::sender);
    }
    return registry;
  }

  /**
   * An account named on the command line: a 0x address, or the name of a keystore account.
   *
   * @throws DrrException bad input naming {@code option} if it is neither
   */
  public String resolveAccount(String option, String value) {
    if (value != null && value.startsWith("0x")) {
      return org.drr.cli.input.Inputs.address(option, value);
    }
    try {
      return keystore().find(value).address();
    } catch (DrrException e) {
      throw DrrException.badInput("unknown account for " + option + ": '" + value
          + "' (not a 0x address nor an account in " + keystore().dir() + ")");
    }
  }

  @Override
  public void close() {
    if (node != null) {
      node.close();
    }
  }
}
