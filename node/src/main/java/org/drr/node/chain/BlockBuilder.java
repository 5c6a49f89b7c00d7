package org.drr.node.chain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.execution.TransactionOutcome;
import org.drr.node.execution.TransactionProcessor;
import org.drr.node.execution.TransactionRejectedException;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * The next block while it is being filled: each {@link #add} executes transactions on the head
 * state at once and folds their changes into the state tries ({@link StateDiff}), so a proposer
 * can do the work of what arrives during the block period as it arrives and, when the block is
 * due, pay only for the last arrivals, the remaining hashing and the write ({@link #finish}).
 *
 * <p>Inclusion rules: candidates are taken in the order given while gas remains; one the state
 * rejects is reported and its sender skipped for the rest of the block (its later nonces could
 * not execute), as is a sender whose next transaction does not fit the remaining gas.
 *
 * <p>Not thread-safe: it belongs to the thread that holds the ledger's state lock.
 */
public final class BlockBuilder {
  private static final long MIN_TX_GAS = 21_000;

  private final BlockExecutor executor;
  private final WorldState state;
  private final StateDiff diff;
  private final StoredBlock parent;
  private final BlockHeader template;
  private final BlockEnvironment environment;
  private final TransactionProcessor processor;
  private final List<Transaction> included = new ArrayList<>();
  private final List<Receipt> receipts = new ArrayList<>();
  private final Set<Address> skippedSenders = new HashSet<>();
  /** Whether the block's system call ran, which may have written state before any transaction. */
  private final boolean systemCallRan;
  private long gasUsed;
  /** Set when an execution failed unexpectedly, leaving the state in an unknown condition. */
  private boolean failed;
  /** The roots of the first {@code rootsSize} transactions, computed ahead ({@link #prepareFinish}). */
  private BlockExecutor.BodyRoots roots;
  private int rootsSize = -1;

  BlockBuilder(
      BlockExecutor executor, WorldState state, StateDiff diff, StoredBlock parent,
      BlockHeader template, BlockEnvironment environment, TransactionProcessor processor,
      boolean systemCallRan) {
    this.executor = executor;
    this.systemCallRan = systemCallRan;
    this.state = state;
    this.diff = diff;
    this.parent = parent;
    this.template = template;
    this.environment = environment;
    this.processor = processor;
  }

  public StoredBlock parent() {
    return parent;
  }

  public long timestamp() {
    return template.timestamp();
  }

  /** How many transactions the block holds so far. */
  public int size() {
    return included.size();
  }

  /**
   * Whether the head state is still exactly the parent's: no system call ran, nothing was
   * included and no execution failed half-way (a rejected transaction changes nothing).
   */
  public boolean leftStateUnchanged() {
    return !systemCallRan && included.isEmpty() && !failed;
  }

  /** Whether not even a plain transfer fits any more. */
  public boolean isFull() {
    return template.gasLimit() - gasUsed < MIN_TX_GAS;
  }

  /**
   * Executes {@code candidates} in order while gas remains, then folds their state changes into
   * the state tries (hashing now what {@link #finish} would otherwise hash at the due time).
   *
   * @return the candidates the state rejected (the state is unchanged by each of them)
   */
  public List<BlockExecutor.Rejected> add(List<PendingTransaction> candidates) {
    return add(candidates, Long.MAX_VALUE);
  }

  /**
   * {@link #add(List)}, but takes no further candidate once {@code budgetNanos} have passed since
   * the call began (the first is always tried); the rest stay in the pool for a later block.
   */
  public List<BlockExecutor.Rejected> add(List<PendingTransaction> candidates, long budgetNanos) {
    int before = included.size();
    List<BlockExecutor.Rejected> rejected = execute(candidates, System.nanoTime(), budgetNanos);
    if (included.size() > before) {
      diff.advance();
    }
    return rejected;
  }

  private List<BlockExecutor.Rejected> execute(
      List<PendingTransaction> candidates, long startNanos, long budgetNanos) {
    List<BlockExecutor.Rejected> rejected = new ArrayList<>();
    boolean first = true;
    for (PendingTransaction candidate : candidates) {
      if (isFull() || (!first && System.nanoTime() - startNanos >= budgetNanos)) {
        break;
      }
      first = false;
      if (skippedSenders.contains(candidate.sender())
          || candidate.transaction().gasLimit() > template.gasLimit() - gasUsed) {
        skippedSenders.add(candidate.sender());
        continue;
      }
      try {
        TransactionOutcome outcome = processor.execute(state, environment, candidate.toMessage(), gasUsed);
        gasUsed += outcome.gasUsed();
        included.add(candidate.transaction());
        receipts.add(outcome.receipt());
      } catch (TransactionRejectedException e) {
        rejected.add(new BlockExecutor.Rejected(candidate, e));
        skippedSenders.add(candidate.sender());
      } catch (RuntimeException | Error e) {
        failed = true;
        throw e;
      }
    }
    return rejected;
  }

  /**
   * Does ahead what {@link #finish} would do at the due time: hashes the state tries' pending
   * changes, collects the state's writes and computes the transactions and receipts roots and the
   * bloom. For a block waiting idle for its due time; {@link #finish} uses what was computed if
   * nothing was added since (adding more keeps the hashing, and redoes the rest).
   */
  public void prepareFinish() {
    diff.collectAhead();
    if (rootsSize != included.size()) {
      roots = BlockExecutor.BodyRoots.of(included, receipts);
      rootsSize = included.size();
    }
  }

  /**
   * Computes the roots and returns the unsealed block.
   *
   * @param extraData the unsealed extra data (the consensus seals it afterwards)
   */
  public BlockExecutor.Built finish(Bytes extraData) {
    BlockExecutor.BodyRoots body =
        rootsSize == included.size() ? roots : BlockExecutor.BodyRoots.of(included, receipts);
    return executor.finish(diff, template.withExtraData(extraData), included, receipts, gasUsed, body);
  }
}
