package org.drr.cli.chain;

import java.io.IOException;
import java.math.BigInteger;
import org.drr.cli.DrrException;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.TransactionManager;

/**
 * The transaction manager behind generated wrappers in the CLI: it only makes calls
 * ({@code eth_call} from the {@code --from} address), and turns a reverting view into a
 * {@link DrrException} carrying the decoded custom error. Transactions never go through
 * wrappers; they go through {@link TransactionSender}, which simulates first.
 */
public final class CallManager extends TransactionManager {
  private final NodeConnection node;
  private final RevertDescriber reverts;

  /** @param from msg.sender of the calls; the zero address when no account is selected */
  public CallManager(NodeConnection node, String from, RevertDescriber reverts) {
    super(node.web3j(), from);
    this.node = node;
    this.reverts = reverts;
  }

  @Override
  public String sendCall(String to, String data, DefaultBlockParameter block) throws IOException {
    EthCall result = node.web3j()
        .ethCall(Transaction.createEthCallTransaction(getFromAddress(), to, data), block)
        .send();
    if (result.hasError()) {
      Object revertData = result.getError().getData();
      boolean revert = revertData != null || result.getError().getCode() == 3
          || String.valueOf(result.getError().getMessage()).contains("revert");
      if (!revert) {
        throw DrrException.node("eth_call failed at " + node.url() + ": "
            + result.getError().getMessage(), null);
      }
      throw Reverts.exception(reverts.describe(
          revertData == null ? "0x" : String.valueOf(revertData).replace("\"", "")));
    }
    return result.getValue();
  }

  @Override
  public EthGetCode getCode(String address, DefaultBlockParameter block) throws IOException {
    return node.web3j().ethGetCode(address, block).send();
  }

  @Override
  public EthSendTransaction sendTransaction(
      BigInteger gasPrice, BigInteger gasLimit, String to, String data, BigInteger value,
      boolean constructor) {
    throw new UnsupportedOperationException("CLI transactions go through TransactionSender");
  }

  @Override
  public EthSendTransaction sendEIP1559Transaction(
      long chainId, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, BigInteger gasLimit,
      String to, String data, BigInteger value, boolean constructor) {
    throw new UnsupportedOperationException("CLI transactions go through TransactionSender");
  }
}
