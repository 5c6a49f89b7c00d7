package org.drr.cli.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.drr.cli.DrrException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * A JSON-RPC connection to one node. Every call either returns its result or throws a
 * {@link DrrException} with exit code NODE naming the URL and the RPC error, so commands never
 * see raw {@link IOException}s.
 */
public final class NodeConnection implements AutoCloseable {
  private final String url;
  private final Web3j web3j;
  private Long chainId;

  private final HttpService service;

  private NodeConnection(String url, HttpService service) {
    this.url = url;
    this.service = service;
    this.web3j = Web3j.build(service);
  }

  /** Opens a connection; nothing is sent until the first call. */
  public static NodeConnection open(String url) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw DrrException.badInput("unsupported --rpc-url '" + url + "': expected http:// or https://");
    }
    return new NodeConnection(url, new HttpService(url));
  }

  public String url() {
    return url;
  }

  /** The transport, for requests Web3j has no method for. */
  public HttpService service() {
    return service;
  }

  /** The Web3j client, for generated contract wrappers. */
  public Web3j web3j() {
    return web3j;
  }

  public long chainId() {
    if (chainId == null) {
      chainId = call(web3j.ethChainId(), "eth_chainId").getChainId().longValueExact();
    }
    return chainId;
  }

  /** The next nonce of {@code address}, counting transactions still in the pool. */
  public BigInteger pendingNonce(String address) {
    return call(
            web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING),
            "eth_getTransactionCount")
        .getTransactionCount();
  }

  /** The nonce of {@code address} in the latest block. */
  public BigInteger latestNonce(String address) {
    return call(
            web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST),
            "eth_getTransactionCount")
        .getTransactionCount();
  }

  public BigInteger gasPrice() {
    return call(web3j.ethGasPrice(), "eth_gasPrice").getGasPrice();
  }

  public BigInteger balance(String address) {
    return call(web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST), "eth_getBalance")
        .getBalance();
  }

  public long blockNumber() {
    return call(web3j.ethBlockNumber(), "eth_blockNumber").getBlockNumber().longValueExact();
  }

  /** The runtime code at {@code address} ("0x" when none). */
  public String code(String address) {
    return call(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST), "eth_getCode")
        .getCode();
  }

  public Optional<TransactionReceipt> receipt(String txHash) {
    return call(web3j.ethGetTransactionReceipt(txHash), "eth_getTransactionReceipt")
        .getTransactionReceipt();
  }

  /** All receipts of one block, or empty when the block does not exist yet. */
  public Optional<List<TransactionReceipt>> blockReceipts(long number) {
    return call(
            web3j.ethGetBlockReceipts(DefaultBlockParameter.valueOf(BigInteger.valueOf(number))),
            "eth_getBlockReceipts")
        .getBlockReceipts();
  }

  /**
   * Sends one request and unwraps it.
   *
   * @throws DrrException NODE when the node cannot be reached or answers with an error
   */
  public <T extends Response<?>> T call(Request<?, T> request, String method) {
    T response;
    try {
      response = request.send();
    } catch (IOException e) {
      throw unreachable(e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw unreachable(io);
      }
      throw e;
    }
    if (response.hasError()) {
      throw DrrException.node(
          method + " failed at " + url + ": " + response.getError().getMessage(), null);
    }
    return response;
  }

  private DrrException unreachable(IOException e) {
    return DrrException.node("cannot reach node at " + url + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
