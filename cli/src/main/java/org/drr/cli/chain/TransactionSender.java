package org.drr.cli.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.drr.cli.DrrException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs and sends transactions from one account, keeping its nonce locally so that many
 * transactions can be in flight at once.
 *
 * <p>{@link #send} is the safe path every command uses: it simulates the call first
 * ({@code eth_estimateGas}), so a transaction the contract would refuse is never sent and the
 * account's nonce does not move; the refusal becomes a {@link DrrException} with exit code
 * REJECTED and the decoded custom error. {@link #prepare} and {@link #submit} split the same
 * work for pipelined bulk sending.
 */
public final class TransactionSender {
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(120);
  private static final long POLL_MILLIS = 50;
  /** Headroom over the estimate: estimates can be tight when state changes between blocks. */
  private static final int GAS_MARGIN_PERCENT = 25;

  private final NodeConnection node;
  private final Credentials signer;
  private final RevertDescriber reverts;
  private BigInteger nextNonce;
  private BigInteger gasPrice;
  private volatile boolean accessListUnsupported;

  public TransactionSender(NodeConnection node, Credentials signer, RevertDescriber reverts) {
    this.node = node;
    this.signer = signer;
    this.reverts = reverts;
  }

  public String from() {
    return signer.getAddress();
  }

  /** Simulates, signs, sends and waits for the receipt of one call to {@code to}. */
  public TransactionReceipt send(String to, String data) {
    BigInteger gas = estimate(to, data);
    String hash = submit(to, data, gas);
    TransactionReceipt receipt = awaitReceipt(hash);
    if (!receipt.isStatusOK()) {
      throw DrrException.rejected(explainFailed(receipt, to, data));
    }
    return receipt;
  }

  /**
   * The gas limit to send {@code data} to {@code to} with: the node's estimate plus a margin.
   *
   * @throws DrrException REJECTED with the decoded custom error when the call would revert
   */
  public BigInteger estimate(String to, String data) {
    Transaction call = Transaction.createEthCallTransaction(signer.getAddress(), to, data);
    EthEstimateGas estimate = rawCall(node.web3j().ethEstimateGas(call), "eth_estimateGas");
    if (estimate.hasError()) {
      throw revertOrNodeError(estimate.getError(), "eth_estimateGas");
    }
    BigInteger gas = estimate.getAmountUsed();
    return gas.add(gas.multiply(BigInteger.valueOf(GAS_MARGIN_PERCENT)).divide(BigInteger.valueOf(100)));
  }

  /**
   * Like {@link #estimate} but with one execution instead of a binary search: the gas used
   * reported by {@code eth_createAccessList}, plus the margin. Nodes without that method, and
   * calls it reports as failing, fall back to {@link #estimate} (which decodes the revert).
   */
  public BigInteger estimateOnce(String to, String data) {
    if (!accessListUnsupported) {
      Transaction call = Transaction.createEthCallTransaction(signer.getAddress(), to, data);
      AccessListResult result = rawCall(new org.web3j.protocol.core.Request<>(
          "eth_createAccessList", java.util.List.of(call, "latest"), node.service(),
          AccessListResult.class), "eth_createAccessList");
      if (result.hasError() && result.getError().getCode() == -32601) {
        accessListUnsupported = true;
      } else if (!result.hasError() && result.getResult() != null
          && result.getResult().get("error") == null && result.getResult().get("gasUsed") != null) {
        BigInteger gas = Numeric.decodeQuantity(String.valueOf(result.getResult().get("gasUsed")));
        return gas.add(gas.multiply(BigInteger.valueOf(GAS_MARGIN_PERCENT))
            .divide(BigInteger.valueOf(100)));
      }
    }
    return estimate(to, data);
  }

  /** The raw {@code eth_createAccessList} result object. */
  public static final class AccessListResult
      extends Response<java.util.Map<String, Object>> {}

  /**
   * Signs a call with the next local nonce and hands it to the node without waiting.
   *
   * @return the transaction hash
   */
  public synchronized String submit(String to, String data, BigInteger gasLimit) {
    BigInteger nonce = reserveNonce();
    try {
      return sendSigned(sign(nonce, to, data, gasLimit), nonce);
    } catch (DrrException e) {
      // The node did not take it, so the nonce is still free: re-read it next time.
      nextNonce = null;
      throw e;
    }
  }

  /**
   * Takes the next nonce for a transaction the caller will {@link #sign} and
   * {@link #sendSigned}. If that send fails the nonces after it cannot be mined, so callers
   * stop at the first failure.
   */
  public synchronized BigInteger reserveNonce() {
    BigInteger nonce = nextNonce();
    nextNonce = nonce.add(BigInteger.ONE);
    return nonce;
  }

  /** A signed legacy (EIP-155) transaction, hex-encoded. Thread-safe. */
  public String sign(BigInteger nonce, String to, String data, BigInteger gasLimit) {
    RawTransaction tx = RawTransaction.createTransaction(nonce, gasPrice(), gasLimit, to, data);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, node.chainId(), signer));
  }

  /** Hands a signed transaction to the node; returns its hash. Thread-safe. */
  public String sendSigned(String signedHex, BigInteger nonce) {
    EthSendTransaction sent =
        rawCall(node.web3j().ethSendRawTransaction(signedHex), "eth_sendRawTransaction");
    if (sent.hasError()) {
      throw DrrException.node("node refused transaction (nonce " + nonce + ") from "
          + signer.getAddress() + ": " + sent.getError().getMessage(), null);
    }
    return sent.getTransactionHash();
  }

  /** Polls until the receipt of {@code hash} is available. */
  public TransactionReceipt awaitReceipt(String hash) {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> receipt = node.receipt(hash);
      if (receipt.isPresent()) {
        return receipt.get();
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DrrException.node("interrupted while waiting for transaction " + hash, e);
      }
    }
    throw DrrException.node("no receipt for transaction " + hash + " after "
        + RECEIPT_TIMEOUT.toSeconds() + "s from " + node.url(), null);
  }

  /**
   * Why a mined transaction failed: the call replayed against the state before its block,
   * decoded; or the bare fact if the replay does not revert (the state moved on).
   */
  public String explainFailed(TransactionReceipt receipt, String to, String data) {
    BigInteger block = receipt.getBlockNumber();
    Transaction call = Transaction.createEthCallTransaction(signer.getAddress(), to, data);
    DefaultBlockParameter before = block.signum() > 0
        ? DefaultBlockParameter.valueOf(block.subtract(BigInteger.ONE))
        : DefaultBlockParameterName.EARLIEST;
    EthCall replay = rawCall(node.web3j().ethCall(call, before), "eth_call");
    if (replay.hasError() && replay.getError().getData() != null) {
      return reverts.describe(String.valueOf(replay.getError().getData()));
    }
    if (replay.isReverted()) {
      return reverts.describe(replay.getValue());
    }
    return "transaction " + receipt.getTransactionHash() + " reverted in block " + block
        + " (gas used " + receipt.getGasUsed() + ")";
  }

  private DrrException revertOrNodeError(Response.Error error, String method) {
    String data = error.getData() == null ? null : String.valueOf(error.getData()).replace("\"", "");
    boolean revert = error.getCode() == 3
        || (error.getMessage() != null && error.getMessage().contains("revert"));
    if (revert) {
      return Reverts.exception(reverts.describe(data == null ? "0x" : data));
    }
    return DrrException.node(method + " failed at " + node.url() + ": " + error.getMessage(), null);
  }

  private synchronized BigInteger nextNonce() {
    if (nextNonce == null) {
      nextNonce = node.pendingNonce(signer.getAddress());
    }
    return nextNonce;
  }

  private synchronized BigInteger gasPrice() {
    if (gasPrice == null) {
      gasPrice = node.gasPrice();
    }
    return gasPrice;
  }

  /** Like {@link NodeConnection#call} but leaves RPC errors to the caller, who decodes reverts. */
  private <T extends Response<?>> T rawCall(
      org.web3j.protocol.core.Request<?, T> request, String method) {
    try {
      return request.send();
    } catch (java.io.IOException e) {
      throw DrrException.node("cannot reach node at " + node.url() + ": " + e.getMessage(), e);
    }
  }
}
