package org.drr.cli.registry;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.NodeConnection;
import org.drr.cli.deployment.Deployment;
import org.drr.contracts.RegistryDeployer;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** Deploys a registry with {@link RegistryDeployer} and describes it as a {@link Deployment}. */
public final class Deployer {
  /** Enough for the largest module's creation. */
  private static final BigInteger DEPLOY_GAS_LIMIT = BigInteger.valueOf(12_000_000);

  private Deployer() {}

  /**
   * Deploys and wires the directory and the six modules from {@code deployer}.
   *
   * @throws DrrException REJECTED if a deployment transaction fails, NODE if unreachable
   */
  public static Deployment deploy(NodeConnection node, Credentials deployer,
      List<RegistryDeployer.Authority> authorities) {
    long firstBlock = node.blockNumber() + 1;
    BigInteger gasPrice = node.gasPrice().shiftLeft(1);
    RawTransactionManager sender = new RawTransactionManager(node.web3j(), deployer,
        node.chainId(), new PollingTransactionReceiptProcessor(node.web3j(), 100, 1200));
    org.drr.contracts.Registry.Deployment d;
    try {
      d = RegistryDeployer.deploy(node.web3j(), sender,
          new StaticGasProvider(gasPrice, DEPLOY_GAS_LIMIT), authorities);
    } catch (TransactionException e) {
      throw DrrException.rejected("registry deployment failed: " + e.getMessage());
    } catch (java.io.IOException e) {
      throw DrrException.node("cannot reach node at " + node.url() + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new DrrException(ExitCode.INTERNAL, "registry deployment failed: " + e, e);
    }
    return new Deployment(node.chainId(), d.directory(), Map.of(
        "participants", d.participants(),
        "assets", d.assets(),
        "rights", d.rights(),
        "policy", d.policy(),
        "transfers", d.transfers(),
        "disputes", d.disputes()), firstBlock, deployer.getAddress());
  }
}
