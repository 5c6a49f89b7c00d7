package org.drr.cli.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.drr.cli.DrrException;
import org.drr.cli.ExitCode;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Sends many calls from one account without waiting for each: gas is estimated ahead in
 * parallel, transactions are signed with consecutive nonces and handed to the node in order,
 * and receipts are collected a whole block at a time ({@code eth_getBlockReceipts}).
 *
 * <p>Signing and sending run on a small pool (ECDSA signing is the CPU cost on this side);
 * nonces are reserved in call order, so the node may receive a few transactions out of order
 * and queues them until the gap closes.
 *
 * <p>Contract: every call ends in exactly one {@link Outcome}. A call that would revert is
 * reported as failed with its decoded error and is not sent, so it never takes a nonce and
 * never stalls the calls after it. At most {@code window} transactions are unconfirmed at once,
 * which bounds the node's pool and this process's memory.
 */
public final class PipelinedSender {
  private static final long POLL_MILLIS = 100;
  private static final long STALL_MILLIS = 120_000;

  /** One call to send; {@code row} identifies it in the outcome. */
  public record Call(int row, String to, String data) {}

  /** What became of one call. {@code receipt} is set when mined, {@code error} when failed. */
  public record Outcome(int row, String txHash, TransactionReceipt receipt, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  private final NodeConnection node;
  private final TransactionSender sender;
  private final int window;
  private final int estimators;

  public PipelinedSender(NodeConnection node, TransactionSender sender, int window, int estimators) {
    this.node = node;
    this.sender = sender;
    this.window = window;
    this.estimators = estimators;
  }

  /**
   * Sends all calls and waits for all of them.
   *
   * @param progress told the number of calls finished (mined or failed) so far
   * @return one outcome per call, in the order of {@code calls}
   */
  public List<Outcome> run(List<Call> calls, LongConsumer progress) {
    ExecutorService pool = Executors.newFixedThreadPool(estimators);
    try {
      List<CompletableFuture<BigInteger>> gas = new ArrayList<>(calls.size());
      for (Call call : calls) {
        gas.add(CompletableFuture.supplyAsync(() -> sender.estimateOnce(call.to(), call.data()), pool));
      }
      return sendAndCollect(calls, gas, progress, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Outcome> sendAndCollect(List<Call> calls,
      List<CompletableFuture<BigInteger>> gas, LongConsumer progress, ExecutorService pool) {
    Map<Integer, Outcome> outcomes = new HashMap<>();
    Map<String, Call> pending = new HashMap<>();
    List<CompletableFuture<String>> inFlight = new ArrayList<>();
    List<Call> inFlightCalls = new ArrayList<>();
    long[] nextBlock = {node.blockNumber() + 1};
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      BigInteger limit;
      try {
        limit = gas.get(i).join();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof DrrException d)
            || (d.exitCode() != ExitCode.REJECTED && d.exitCode() != ExitCode.BAD_INPUT)) {
          // Not this row's fault (node down, RPC error): stop instead of failing every row.
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        outcomes.put(call.row(), new Outcome(call.row(), null, null, reason(e.getCause())));
        progress.accept(outcomes.size());
        continue;
      }
      if (pending.size() + inFlight.size() >= window) {
        settle(inFlight, inFlightCalls, pending);
        while (pending.size() >= window) {
          collect(pending, outcomes, nextBlock, progress);
        }
      }
      BigInteger nonce = sender.reserveNonce();
      BigInteger gasLimit = limit;
      inFlight.add(CompletableFuture.supplyAsync(() -> sender.sendSigned(
          sender.sign(nonce, call.to(), call.data(), gasLimit), nonce), pool));
      inFlightCalls.add(call);
    }
    settle(inFlight, inFlightCalls, pending);
    while (!pending.isEmpty()) {
      collect(pending, outcomes, nextBlock, progress);
    }
    return calls.stream().map(c -> outcomes.get(c.row())).toList();
  }

  /** Waits for the dispatched sends; their hashes become pending. */
  private static void settle(List<CompletableFuture<String>> inFlight, List<Call> calls,
      Map<String, Call> pending) {
    for (int i = 0; i < inFlight.size(); i++) {
      try {
        pending.put(inFlight.get(i).join(), calls.get(i));
      } catch (CompletionException e) {
        // A lost nonce blocks every later one: stop, naming the row.
        throw new DrrException(e.getCause() instanceof DrrException d ? d.exitCode()
            : ExitCode.NODE, "row " + calls.get(i).row() + " could not be sent, stopping: "
            + reason(e.getCause()));
      }
    }
    inFlight.clear();
    calls.clear();
  }

  /** Reads the receipts of every new block, settling the pending calls found there. */
  private void collect(
      Map<String, Call> pending, Map<Integer, Outcome> outcomes, long[] nextBlock,
      LongConsumer progress) {
    long deadline = System.currentTimeMillis() + STALL_MILLIS;
    while (true) {
      long head = node.blockNumber();
      if (head >= nextBlock[0]) {
        for (long b = nextBlock[0]; b <= head; b++) {
          Optional<List<TransactionReceipt>> receipts = node.blockReceipts(b);
          for (TransactionReceipt receipt : receipts.orElse(List.of())) {
            Call call = pending.remove(receipt.getTransactionHash());
            if (call != null) {
              String error = receipt.isStatusOK()
                  ? null
                  : sender.explainFailed(receipt, call.to(), call.data());
              outcomes.put(call.row(),
                  new Outcome(call.row(), receipt.getTransactionHash(), receipt, error));
            }
          }
        }
        nextBlock[0] = head + 1;
        progress.accept(outcomes.size());
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw DrrException.node("no new block for " + STALL_MILLIS / 1000 + "s with "
            + pending.size() + " transactions pending at " + node.url(), null);
      }
      sleep();
    }
  }

  private static String reason(Throwable t) {
    return t instanceof DrrException e ? e.getMessage() : String.valueOf(t);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DrrException.node("interrupted while waiting for receipts", e);
    }
  }
}
