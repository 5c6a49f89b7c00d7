package org.drr.contracts;

import java.math.BigInteger;
import java.util.List;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Registry.Deployment;
import org.drr.contracts.generated.AssetRegistry;
import org.drr.contracts.generated.DisputeManager;
import org.drr.contracts.generated.DrrDirectory;
import org.drr.contracts.generated.ParticipantRegistry;
import org.drr.contracts.generated.PolicyRegistry;
import org.drr.contracts.generated.RightsRegistry;
import org.drr.contracts.generated.TransferManager;
import org.web3j.protocol.Web3j;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Deploys and wires a complete registry: the directory, the six modules, then the one-shot
 * {@code wire} call. The sender becomes the directory's deployer.
 *
 * <p>The order and constructor arguments are fixed so that genesis generation can replay the
 * same deployment in the project's own EVM.
 */
public final class RegistryDeployer {
  private RegistryDeployer() {}

  /** One of the first authorities, set at deployment. */
  public record Authority(String address, Region region, String name, String registryId) {}

  /**
   * Deploys a registry whose first authorities are {@code authorities}.
   *
   * @return the deployed addresses
   * @throws Exception from Web3j if a deployment transaction fails
   */
  public static Deployment deploy(
      Web3j web3j, TransactionManager sender, ContractGasProvider gas, List<Authority> authorities)
      throws Exception {
    if (authorities.isEmpty()) {
      throw new IllegalArgumentException("a registry needs at least one authority");
    }
    DrrDirectory directory = DrrDirectory.deploy(web3j, sender, gas).send();
    String dir = directory.getContractAddress();
    ParticipantRegistry participants = ParticipantRegistry.deploy(web3j, sender, gas,
        authorities.stream().map(Authority::address).toList(),
        authorities.stream().map(a -> BigInteger.valueOf(a.region().code())).toList(),
        authorities.stream().map(Authority::name).toList(),
        authorities.stream().map(Authority::registryId).toList()).send();
    AssetRegistry assets = AssetRegistry.deploy(web3j, sender, gas, dir).send();
    RightsRegistry rights = RightsRegistry.deploy(web3j, sender, gas, dir).send();
    PolicyRegistry policy = PolicyRegistry.deploy(web3j, sender, gas, dir).send();
    TransferManager transfers = TransferManager.deploy(web3j, sender, gas, dir).send();
    DisputeManager disputes = DisputeManager.deploy(web3j, sender, gas, dir).send();
    Deployment d = new Deployment(dir, participants.getContractAddress(),
        assets.getContractAddress(), rights.getContractAddress(), policy.getContractAddress(),
        transfers.getContractAddress(), disputes.getContractAddress());
    directory.wire(d.participants(), d.assets(), d.rights(), d.policy(), d.transfers(),
        d.disputes()).send();
    return d;
  }
}
