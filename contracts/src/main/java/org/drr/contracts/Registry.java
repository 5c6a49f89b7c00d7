package org.drr.contracts;

import java.io.IOException;
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
 * The wrappers of one registry deployment, all bound to one sender (transaction manager).
 *
 * <p>Clients remember only the directory address; {@link #load} reads the module addresses
 * from it.
 */
public record Registry(
    DrrDirectory directory,
    ParticipantRegistry participants,
    AssetRegistry assets,
    RightsRegistry rights,
    PolicyRegistry policy,
    TransferManager transfers,
    DisputeManager disputes) {

  /**
   * Binds the wrappers of the deployment rooted at {@code directoryAddress}.
   *
   * @throws IllegalStateException if no wired directory is at that address
   * @throws IOException if the node cannot be reached
   */
  public static Registry load(
      String directoryAddress, Web3j web3j, TransactionManager sender, ContractGasProvider gas)
      throws IOException {
    DrrDirectory directory = DrrDirectory.load(directoryAddress, web3j, sender, gas);
    Deployment d;
    try {
      if (!directory.wired().send()) {
        throw new IllegalStateException(
            "the registry directory at " + directoryAddress + " has not been wired yet");
      }
      d = new Deployment(directoryAddress, directory.participants().send(),
          directory.assets().send(), directory.rights().send(), directory.policy().send(),
          directory.transfers().send(), directory.disputes().send());
    } catch (IOException | IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "no registry directory at " + directoryAddress + ": " + e.getMessage(), e);
    }
    return bind(d, web3j, sender, gas);
  }

  /** Binds the wrappers of a known deployment without asking the node. */
  public static Registry bind(
      Deployment d, Web3j web3j, TransactionManager sender, ContractGasProvider gas) {
    return new Registry(
        DrrDirectory.load(d.directory(), web3j, sender, gas),
        ParticipantRegistry.load(d.participants(), web3j, sender, gas),
        AssetRegistry.load(d.assets(), web3j, sender, gas),
        RightsRegistry.load(d.rights(), web3j, sender, gas),
        PolicyRegistry.load(d.policy(), web3j, sender, gas),
        TransferManager.load(d.transfers(), web3j, sender, gas),
        DisputeManager.load(d.disputes(), web3j, sender, gas));
  }

  /** The addresses of a deployment. */
  public record Deployment(
      String directory,
      String participants,
      String assets,
      String rights,
      String policy,
      String transfers,
      String disputes) {}
}
