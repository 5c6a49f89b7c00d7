package org.drr.cli.registry;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.drr.cli.chain.AbiCatalog;
import org.drr.cli.chain.CallManager;
import org.drr.cli.chain.NodeConnection;
import org.drr.cli.chain.RevertDescriber;
import org.drr.cli.chain.TransactionSender;
import org.drr.cli.deployment.Deployment;
import org.drr.contracts.generated.AssetRegistry;
import org.drr.contracts.generated.DisputeManager;
import org.drr.contracts.generated.ParticipantRegistry;
import org.drr.contracts.generated.PolicyRegistry;
import org.drr.contracts.generated.RightsRegistry;
import org.drr.contracts.generated.TransferManager;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The registry modules of one deployment, as generated wrappers for reading, plus the one way
 * to change them: {@link #send}, which simulates, signs, sends and decodes the receipt's events.
 */
public final class Registry {
  /** Module names in the deployment file. */
  public static final List<String> MODULES =
      List.of("participants", "assets", "rights", "policy", "transfers", "disputes");

  private final Deployment deployment;
  private final NodeConnection node;
  private final AbiCatalog abi;
  private final Supplier<TransactionSender> sender;
  private final CallManager calls;

  private ParticipantRegistry participants;
  private AssetRegistry assets;
  private RightsRegistry rights;
  private PolicyRegistry policy;
  private TransferManager transfers;
  private DisputeManager disputes;

  /**
   * @param caller msg.sender for views (null: the zero address)
   * @param sender supplies the signer's sender on first transaction (unlocking lazily)
   */
  public Registry(Deployment deployment, NodeConnection node, AbiCatalog abi,
      RevertDescriber reverts, String caller, Supplier<TransactionSender> sender) {
    this.deployment = deployment;
    this.node = node;
    this.abi = abi;
    this.sender = sender;
    this.calls = new CallManager(node,
        caller == null ? "0x0000000000000000000000000000000000000000" : caller,
        reverts);
  }

  private static final StaticGasProvider NO_GAS =
      new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);

  public ParticipantRegistry participants() {
    if (participants == null) {
      participants = ParticipantRegistry.load(
          deployment.contract("participants"), node.web3j(), calls, NO_GAS);
    }
    return participants;
  }

  public AssetRegistry assets() {
    if (assets == null) {
      assets = AssetRegistry.load(deployment.contract("assets"), node.web3j(), calls, NO_GAS);
    }
    return assets;
  }

  public RightsRegistry rights() {
    if (rights == null) {
      rights = RightsRegistry.load(deployment.contract("rights"), node.web3j(), calls, NO_GAS);
    }
    return rights;
  }

  public PolicyRegistry policy() {
    if (policy == null) {
      policy = PolicyRegistry.load(deployment.contract("policy"), node.web3j(), calls, NO_GAS);
    }
    return policy;
  }

  public TransferManager transfers() {
    if (transfers == null) {
      transfers = TransferManager.load(
          deployment.contract("transfers"), node.web3j(), calls, NO_GAS);
    }
    return transfers;
  }

  public DisputeManager disputes() {
    if (disputes == null) {
      disputes = DisputeManager.load(
          deployment.contract("disputes"), node.web3j(), calls, NO_GAS);
    }
    return disputes;
  }

  public Deployment deployment() {
    return deployment;
  }

  public AbiCatalog abi() {
    return abi;
  }

  /** Runs a view; a revert surfaces as the decoded {@link DrrException}. */
  public <T> T view(RemoteFunctionCall<T> call) {
    try {
      return call.send();
    } catch (DrrException e) {
      throw e;
    } catch (Exception e) {
      if (e.getCause() instanceof DrrException d) {
        throw d;
      }
      throw new DrrException(ExitCode.NODE, "call failed at " + node.url() + ": " + e.getMessage(),
          e);
    }
  }

  /** Sends {@code call} to {@code module} from the signer; returns the receipt and its events. */
  public TxResult send(Contract module, RemoteFunctionCall<TransactionReceipt> call) {
    TransactionReceipt receipt =
        sender.get().send(module.getContractAddress(), call.encodeFunctionCall());
    return TxResult.of(receipt, abi);
  }

  /** The latest block's timestamp: "now" as the contracts see it. */
  public BigInteger now() {
    EthBlock block = node.call(
        node.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false),
        "eth_getBlockByNumber");
    return block.getBlock().getTimestamp();
  }

  public NodeConnection node() {
    return node;
  }
}
