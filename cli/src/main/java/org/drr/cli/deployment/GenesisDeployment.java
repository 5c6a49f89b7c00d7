package org.drr.cli.deployment;

import java.util.Map;
import java.util.Optional;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.NodeConnection;
import org.drr.contracts.generated.DrrDirectory;
import org.drr.node.chain.GenesisBuilder;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The registry pre-deployed in a drr genesis ({@code drr genesis}): its directory is always at
 * {@link GenesisBuilder#DIRECTORY}, so a client needs no deployment file on such a chain. The
 * module addresses are read from the directory itself.
 */
public final class GenesisDeployment {
  /** The fixed directory address, as the CLI spells addresses. */
  public static final String DIRECTORY = GenesisBuilder.DIRECTORY.toHexString();

  private GenesisDeployment() {}

  /** The deployment at the fixed directory address, or empty if nothing wired lives there. */
  public static Optional<Deployment> find(NodeConnection node) {
    String code = node.code(DIRECTORY);
    if (code == null || code.equals("0x")) {
      return Optional.empty();
    }
    DrrDirectory directory = DrrDirectory.load(DIRECTORY, node.web3j(),
        // From the zero address: the node (like Besu) applies EIP-3607 to eth_call, so a caller
        // with code (the directory itself) would be refused.
        new ReadonlyTransactionManager(node.web3j(), "0x0000000000000000000000000000000000000000"),
        new StaticGasProvider(java.math.BigInteger.ZERO, java.math.BigInteger.ZERO));
    try {
      if (!directory.wired().send()) {
        return Optional.empty();
      }
      return Optional.of(new Deployment(node.chainId(), DIRECTORY, Map.of(
          "participants", directory.participants().send(),
          "assets", directory.assets().send(),
          "rights", directory.rights().send(),
          "policy", directory.policy().send(),
          "transfers", directory.transfers().send(),
          "disputes", directory.disputes().send()),
          0, GenesisBuilder.DEPLOYER.toHexString()));
    } catch (Exception e) {
      throw new DrrException(ExitCode.NODE, "cannot read the registry directory at " + DIRECTORY
          + " on " + node.url() + ": " + e.getMessage(), e);
    }
  }
}
