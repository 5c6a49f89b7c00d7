package org.drr.contracts;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drr.contracts.Codes.Region;
import org.drr.contracts.Registry.Deployment;
import org.drr.contracts.generated.AssetRegistry;
import org.drr.contracts.generated.DisputeManager;
import org.drr.contracts.generated.DrrDirectory;
import org.drr.contracts.generated.ParticipantRegistry;
import org.drr.contracts.generated.PolicyRegistry;
import org.drr.contracts.generated.RightsRegistry;
import org.drr.contracts.generated.TransferManager;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.ContractUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys and wires a complete registry: the directory, the six modules, then the one-shot
 * {@code wire} call, all from one sender, which becomes the directory's deployer.
 *
 * <p>{@link #plan} gives the same deployment as data — eight transactions from consecutive
 * nonces with the addresses their creations will get — so that genesis generation can replay
 * it in the project's own EVM and place the registry at known addresses.
 */
public final class RegistryDeployer {
  private static final long RECEIPT_POLL_MILLIS = 50;
  private static final int RECEIPT_POLL_ATTEMPTS = 2_400;

  private RegistryDeployer() {}

  /** One of the first authorities, set at deployment. */
  public record Authority(String address, Region region, String name, String registryId) {}

  /**
   * One transaction of the deployment.
   *
   * @param label   the contract created, or {@code wire}
   * @param nonce   the sender nonce it must be sent with
   * @param to      empty for a contract creation, else the called contract
   * @param data    init code with constructor arguments, or call data (hex, {@code 0x}-prefixed)
   * @param created the address the creation yields (empty for the call)
   */
  public record Step(
      String label, BigInteger nonce, Optional<String> to, String data, Optional<String> created) {}

  /** A deployment as transactions, and the addresses they produce. */
  public record Plan(List<Step> steps, Deployment deployment) {}

  /**
   * The deployment sent by {@code deployer} starting at nonce {@code firstNonce}.
   *
   * @throws IllegalArgumentException if there is no authority
   */
  public static Plan plan(String deployer, BigInteger firstNonce, List<Authority> authorities) {
    if (authorities.isEmpty()) {
      throw new IllegalArgumentException("a registry needs at least one authority");
    }
    List<Step> steps = new ArrayList<>();
    String directory = create(steps, deployer, firstNonce, "DrrDirectory", DrrDirectory.BINARY);
    String participants = create(steps, deployer, firstNonce, "ParticipantRegistry",
        ParticipantRegistry.BINARY + FunctionEncoder.encodeConstructor(List.of(
            new DynamicArray<>(Address.class,
                authorities.stream().map(a -> new Address(a.address())).toList()),
            new DynamicArray<>(Uint8.class,
                authorities.stream().map(a -> new Uint8(a.region().code())).toList()),
            new DynamicArray<>(Utf8String.class,
                authorities.stream().map(a -> new Utf8String(a.name())).toList()),
            new DynamicArray<>(Utf8String.class,
                authorities.stream().map(a -> new Utf8String(a.registryId())).toList()))));
    String moduleArgs = FunctionEncoder.encodeConstructor(List.of(new Address(directory)));
    String assets = create(steps, deployer, firstNonce, "AssetRegistry",
        AssetRegistry.BINARY + moduleArgs);
    String rights = create(steps, deployer, firstNonce, "RightsRegistry",
        RightsRegistry.BINARY + moduleArgs);
    String policy = create(steps, deployer, firstNonce, "PolicyRegistry",
        PolicyRegistry.BINARY + moduleArgs);
    String transfers = create(steps, deployer, firstNonce, "TransferManager",
        TransferManager.BINARY + moduleArgs);
    String disputes = create(steps, deployer, firstNonce, "DisputeManager",
        DisputeManager.BINARY + moduleArgs);
    List<Type> modules = List.of(new Address(participants), new Address(assets),
        new Address(rights), new Address(policy), new Address(transfers), new Address(disputes));
    steps.add(new Step("wire", firstNonce.add(BigInteger.valueOf(steps.size())),
        Optional.of(directory), FunctionEncoder.encode(new Function(DrrDirectory.FUNC_WIRE,
            modules, List.of())), Optional.empty()));
    return new Plan(List.copyOf(steps), new Deployment(directory, participants, assets, rights,
        policy, transfers, disputes));
  }

  private static String create(
      List<Step> steps, String deployer, BigInteger firstNonce, String label, String initCode) {
    BigInteger nonce = firstNonce.add(BigInteger.valueOf(steps.size()));
    String address = ContractUtils.generateContractAddress(deployer, nonce);
    steps.add(new Step(label, nonce, Optional.empty(), "0x" + initCode, Optional.of(address)));
    return address;
  }

  /**
   * Deploys a registry whose first authorities are {@code authorities}: sends the
   * {@link #plan} from the sender's next nonce, then checks every receipt.
   *
   * @return the deployed addresses
   * @throws TransactionException if a step fails, or creates a contract at another address than
   *     planned (the sender sent something else meanwhile)
   * @throws IOException if the node cannot be reached
   */
  public static Deployment deploy(
      Web3j web3j, TransactionManager sender, ContractGasProvider gas, List<Authority> authorities)
      throws IOException, TransactionException {
    BigInteger nonce = web3j.ethGetTransactionCount(sender.getFromAddress(),
        DefaultBlockParameterName.PENDING).send().getTransactionCount();
    Plan plan = plan(sender.getFromAddress(), nonce, authorities);
    PollingTransactionReceiptProcessor receipts =
        new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
    for (Step step : plan.steps()) {
      BigInteger gasPrice = gas.getGasPrice();
      // The gas provider sees the transaction, so an estimating provider can size each step.
      Transaction tx = step.to().isEmpty()
          ? Transaction.createContractTransaction(
              sender.getFromAddress(), step.nonce(), gasPrice, step.data())
          : Transaction.createFunctionCallTransaction(
              sender.getFromAddress(), step.nonce(), gasPrice, null, step.to().get(), step.data());
      EthSendTransaction sent = sender.sendTransaction(gasPrice, gas.getGasLimit(tx),
          step.to().orElse(""), step.data(), BigInteger.ZERO, step.to().isEmpty());
      if (sent.hasError()) {
        throw new TransactionException("deploying " + step.label() + " was refused: "
            + sent.getError().getMessage());
      }
      TransactionReceipt receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
      if (!receipt.isStatusOK()) {
        throw new TransactionException("deploying " + step.label() + " failed in transaction "
            + receipt.getTransactionHash(), receipt);
      }
      if (step.created().isPresent()
          && !step.created().get().equalsIgnoreCase(receipt.getContractAddress())) {
        throw new TransactionException(step.label() + " was created at "
            + receipt.getContractAddress() + ", not at the planned " + step.created().get()
            + ": did " + sender.getFromAddress() + " send another transaction meanwhile?");
      }
    }
    return plan.deployment();
  }
}
