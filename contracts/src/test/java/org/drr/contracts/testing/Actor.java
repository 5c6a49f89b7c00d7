package org.drr.contracts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.drr.contracts.Registry;
import org.drr.contracts.RevertDecoder;
import org.drr.contracts.RevertDecoder.DecodedError;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.Contract;
import org.web3j.utils.Numeric;

/**
 * A named account acting on one registry deployment through the generated wrappers.
 *
 * <p>{@link #send} submits a transaction and fails the test with the decoded custom error if it
 * reverts. {@link #expectRevert} proves a call reverts with a given error by executing it with
 * {@code eth_call} from this account (a revert changes nothing, so nothing needs to be mined)
 * and records the error in {@link ObservedErrors}.
 */
public final class Actor {
  private static final RevertDecoder DECODER = RevertDecoder.fromClasspath();

  private final String name;
  private final Credentials credentials;
  private final Registry registry;
  private final TestNode node;

  public Actor(
      String name, Credentials credentials, Registry.Deployment deployment, TestNode node) {
    this.name = name;
    this.credentials = credentials;
    this.node = node;
    this.registry = Registry.bind(
        deployment, node.web3j(), node.transactionManager(credentials), node.gas());
  }

  public String name() {
    return name;
  }

  /** The account address, lower-case hex as Web3j returns addresses. */
  public String address() {
    return credentials.getAddress();
  }

  public Credentials credentials() {
    return credentials;
  }

  /** The wrappers, bound to this account as sender. */
  public Registry registry() {
    return registry;
  }

  /** Sends the transaction and returns its successful receipt. */
  public TransactionReceipt send(RemoteFunctionCall<TransactionReceipt> call) {
    try {
      TransactionReceipt receipt = call.send();
      assertTrue(receipt.isStatusOK(), () -> name + "'s transaction failed: " + receipt);
      return receipt;
    } catch (TransactionException e) {
      throw new AssertionError(name + "'s transaction reverted: " + replayReason(e), e);
    } catch (Exception e) {
      throw new AssertionError(name + "'s transaction could not be sent: " + e.getMessage(), e);
    }
  }

  /**
   * Asserts that {@code call} on module {@code module} reverts, when sent by this actor, with
   * error {@code errorName} and arguments {@code args} (compared as rendered text: numbers in
   * decimal, {@code 0x} strings case-insensitively, byte arrays as hex, other strings as the
   * quoted string argument, booleans as true/false).
   *
   * @return the decoded error
   */
  public <C extends Contract> DecodedError expectRevert(
      Function<Registry, C> module, Function<C, RemoteFunctionCall<?>> call, String errorName,
      Object... args) {
    C contract = module.apply(registry);
    String data = call.apply(contract).encodeFunctionCall();
    Optional<String> revert = callForRevert(contract.getContractAddress(), data);
    if (revert.isEmpty()) {
      fail(name + "'s call was expected to revert with " + errorName + " but succeeded");
    }
    Optional<DecodedError> decoded = DECODER.decode(revert.get());
    if (decoded.isEmpty()) {
      fail("expected " + errorName + " but got: " + DECODER.describe(revert.get()));
    }
    DecodedError error = decoded.get();
    ObservedErrors.record(error.signature());
    assertEquals(errorName, error.name(), () -> "wrong error: " + error);
    List<String> expected = new ArrayList<>();
    for (Object arg : args) {
      expected.add(render(arg));
    }
    List<String> actual = error.arguments().stream().map(a -> a.text().toLowerCase()).toList();
    assertEquals(expected, actual, () -> "wrong arguments in " + error);
    return error;
  }

  /** The revert data of executing {@code data} on {@code to} as this actor, if it reverts. */
  private Optional<String> callForRevert(String to, String data) {
    try {
      EthCall result = node.web3j()
          .ethCall(Transaction.createEthCallTransaction(address(), to, data),
              DefaultBlockParameterName.LATEST)
          .send();
      if (!result.hasError()) {
        return Optional.empty();
      }
      Optional<String> revertData = RevertDecoder.revertDataOf(result.getError());
      if (revertData.isEmpty()) {
        fail("the node refused the call without revert data: " + result.getError().getMessage());
      }
      return revertData;
    } catch (IOException e) {
      throw new AssertionError("eth_call failed: " + e.getMessage(), e);
    }
  }

  private String replayReason(TransactionException e) {
    Optional<TransactionReceipt> receipt = e.getTransactionReceipt();
    if (receipt.isEmpty()) {
      return e.getMessage();
    }
    try {
      var tx = node.web3j().ethGetTransactionByHash(receipt.get().getTransactionHash()).send()
          .getTransaction().orElseThrow();
      return callForRevert(tx.getTo(), tx.getInput()).map(DECODER::describe)
          .orElse("reverted when mined, but the replay succeeded: " + e.getMessage());
    } catch (IOException | RuntimeException replayFailure) {
      return e.getMessage();
    }
  }

  private static String render(Object arg) {
    if (arg instanceof byte[] bytes) {
      return Numeric.toHexString(bytes).toLowerCase();
    }
    if (arg instanceof Boolean) {
      return arg.toString();
    }
    if (arg instanceof Number) {
      return new BigInteger(arg.toString()).toString();
    }
    String text = String.valueOf(arg);
    return (text.startsWith("0x") ? text : "\"" + text + "\"").toLowerCase();
  }

  @Override
  public String toString() {
    return name + " " + address();
  }
}
