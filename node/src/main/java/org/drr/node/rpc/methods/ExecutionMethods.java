package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rpc.BlockHeaderView;
import org.drr.node.rpc.CallOutcome;
import org.drr.node.rpc.CallRequest;
import org.drr.node.rpc.RpcBackend;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.TransactionRejectedException;
import org.drr.node.rpc.json.Hex;
import org.drr.node.rpc.json.RpcParams;

/**
 * {@code eth_call}, {@code eth_estimateGas} and {@code eth_sendRawTransaction}. A revert is error
 * code 3 with the revert data in {@code error.data}; other failures and invalid messages are -32000
 * with the specific reason.
 */
public final class ExecutionMethods {
  /** Gas of a plain transfer: the least any transaction needs. */
  private static final long TRANSFER_GAS = 21_000;

  private final ChainReader chain;
  private final RpcBackend backend;
  private final StateReader state;
  private final RpcLimits limits;

  public ExecutionMethods(ChainReader chain, RpcLimits limits) {
    this.chain = chain;
    this.backend = chain.backend();
    this.state = new StateReader(backend);
    this.limits = limits;
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put("eth_call", (p, c) -> call(p));
    methods.put("eth_estimateGas", (p, c) -> estimateGas(p));
    methods.put("eth_sendRawTransaction", (p, c) -> sendRawTransaction(p));
  }

  private BlockHeaderView block(RpcParams params, int index) {
    return chain
        .require(
            BlockParameter.parse("block", params.has(index) ? params.node(index, "block") : null))
        .header();
  }

  private JsonNode call(RpcParams params) {
    params.requireCount(1, 3);
    JsonNode callObject = params.object(0, "transaction");
    if (params.has(2)) {
      throw RpcException.invalidParams("state overrides are not supported");
    }
    BlockHeaderView block = block(params, 1);
    CallRequest request = CallParameters.parse(callObject, block, limits.gasCap());
    CallOutcome outcome = simulate(request, block);
    if (outcome.success()) {
      return TextNode.valueOf(outcome.output().toHexString());
    }
    throw failure(outcome);
  }

  private CallOutcome simulate(CallRequest request, BlockHeaderView block) {
    try {
      return backend.simulate(request, block, null);
    } catch (org.drr.node.execution.TransactionRejectedException e) {
      throw new RpcException(RpcException.SERVER_ERROR, e.getMessage());
    }
  }

  private static RpcException failure(CallOutcome outcome) {
    if (outcome.reverted()) {
      return RevertReasons.toException(outcome.output());
    }
    return new RpcException(RpcException.SERVER_ERROR, outcome.failure());
  }

  /**
   * Finds the least gas limit with which the message succeeds: first runs it with the highest
   * allowed gas (reporting a revert or failure there as the error), then binary-searches between
   * the gas it used (minus one, which must fail) and the highest value known to succeed.
   */
  private JsonNode estimateGas(RpcParams params) {
    params.requireCount(1, 2);
    JsonNode callObject = params.object(0, "transaction");
    BlockHeaderView block = block(params, 1);
    CallRequest request = CallParameters.parse(callObject, block, limits.gasCap());
    long hi = Math.min(request.gas(), block.gasLimit());
    if (request.gasPrice().signum() > 0) {
      hi = Math.min(hi, allowance(request, block));
    }
    if (hi < TRANSFER_GAS) {
      throw new RpcException(
          RpcException.SERVER_ERROR,
          "gas required exceeds allowance (" + hi + "): the sender cannot pay for 21000 gas");
    }
    CallOutcome atCap = simulate(request.withGas(hi), block);
    if (!atCap.success()) {
      if (atCap.reverted()) {
        throw RevertReasons.toException(atCap.output());
      }
      throw new RpcException(
          RpcException.SERVER_ERROR,
          "gas required exceeds allowance (" + hi + "): " + atCap.failure());
    }
    long lo = Math.max(TRANSFER_GAS - 1, atCap.gasUsed() - 1);
    // Most messages need little more than they use (the 63/64 rule, refunds); try that first.
    long optimistic = Math.min(hi, atCap.gasUsed() + atCap.gasUsed() / 63 + 2_300);
    if (optimistic < hi && succeeds(request.withGas(optimistic), block)) {
      hi = optimistic;
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (succeeds(request.withGas(mid), block)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return TextNode.valueOf(Hex.quantity(hi));
  }

  private boolean succeeds(CallRequest request, BlockHeaderView block) {
    try {
      return backend.simulate(request, block, null).success();
    } catch (org.drr.node.execution.TransactionRejectedException e) {
      return false;
    }
  }

  /** How much gas the sender's balance pays for after the value: (balance - value) / price. */
  private long allowance(CallRequest request, BlockHeaderView block) {
    BigInteger balance =
        state
            .account(block.stateRoot(), request.from())
            .map(a -> a.balance().toBigInteger())
            .orElse(BigInteger.ZERO);
    BigInteger available = balance.subtract(request.value());
    if (available.signum() <= 0) {
      throw new RpcException(
          RpcException.SERVER_ERROR,
          "insufficient funds for transfer: balance " + balance + ", value " + request.value());
    }
    BigInteger gas = available.divide(request.gasPrice());
    return gas.bitLength() > 62 ? Long.MAX_VALUE : gas.longValueExact();
  }

  private JsonNode sendRawTransaction(RpcParams params) {
    params.requireCount(1, 1);
    Bytes raw = params.data(0, "transaction");
    if (raw.isEmpty()) {
      throw RpcException.invalidParams("transaction is empty");
    }
    try {
      return TextNode.valueOf(backend.submitTransaction(raw).toHexString());
    } catch (TransactionRejectedException e) {
      throw new RpcException(RpcException.SERVER_ERROR, e.getMessage());
    } catch (org.drr.node.types.InvalidTransactionException e) {
      throw new RpcException(RpcException.SERVER_ERROR, e.getMessage());
    }
  }
}
