package org.drr.node.rpc.simulation;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.evm.EvmTracer;
import org.drr.node.evm.Status;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.execution.TransactionMessage;
import org.drr.node.execution.TransactionOutcome;
import org.drr.node.execution.TransactionProcessor;
import org.drr.node.execution.TransactionRejectedException;
import org.drr.node.fork.Fork;
import org.drr.node.rpc.CallOutcome;
import org.drr.node.rpc.CallRequest;
import org.drr.node.state.WorldState;
import org.drr.node.types.TransactionType;

/**
 * Runs a {@link CallRequest} the way {@code eth_call} does, for backends that implement {@link
 * org.drr.node.rpc.RpcBackend#simulate}: the sender's nonce is taken from the state (never
 * checked), and a zero gas price runs under a zero base fee so that callers without funds can
 * simulate. The given world state is changed: pass a throwaway copy of the block's state.
 */
public final class MessageSimulator {
  private final TransactionProcessor processor;

  public MessageSimulator(Fork fork) {
    this.processor = TransactionProcessor.forSimulation(fork);
  }

  /**
   * Executes {@code request} on {@code state} in {@code block}.
   *
   * @param tracer observes execution, or null
   * @throws TransactionRejectedException if the message cannot execute (insufficient funds for
   *     {@code gas * gasPrice + value}, gas above the block limit or below the intrinsic gas)
   */
  public CallOutcome run(
      WorldState state, BlockEnvironment block, CallRequest request, EvmTracer tracer)
      throws TransactionRejectedException {
    BlockEnvironment environment = block;
    if (request.gasPrice().signum() == 0) {
      environment =
          new BlockEnvironment(
              block.coinbase(),
              block.number(),
              block.timestamp(),
              block.gasLimit(),
              BigInteger.ZERO,
              block.prevRandao(),
              block.chainId(),
              block.blobBaseFee(),
              block.blockHashes());
    }
    TransactionType type =
        request.accessList().isEmpty() ? TransactionType.LEGACY : TransactionType.ACCESS_LIST;
    TransactionMessage message =
        new TransactionMessage(
            type,
            request.from(),
            request.to().orElse(null),
            state.nonce(request.from()),
            request.gas(),
            request.value(),
            request.data(),
            request.gasPrice(),
            null,
            null,
            request.accessList());
    TransactionOutcome outcome = processor.execute(state, environment, message, 0, tracer);
    boolean reverted = !outcome.isSuccess() && Status.name(Status.REVERT).equals(outcome.failure());
    return new CallOutcome(
        outcome.isSuccess(),
        reverted,
        Bytes.wrap(outcome.output()),
        outcome.gasUsed(),
        outcome.failure(),
        outcome.contractAddress(),
        outcome.receipt().logs());
  }
}
