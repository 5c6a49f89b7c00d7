package org.drr.node.app;

import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.chain.BlockBuilder;
import org.drr.node.chain.BlockExecutor;
import org.drr.node.chain.BlockHeader;
import org.drr.node.chain.Ledger;
import org.drr.node.chain.StoredBlock;
import org.drr.node.chain.TransactionPool;
import org.drr.node.consensus.qbft.BlockVerifier;
import org.drr.node.consensus.qbft.QbftBlock;
import org.drr.node.consensus.qbft.QbftBlockCreator;
import org.drr.node.consensus.qbft.QbftBlockImporter;
import org.drr.node.consensus.qbft.QbftBlockchain;
import org.drr.node.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges the QBFT core's interfaces to the ledger and the pool: preparing a block opens it on
 * the head state and executes the pool's candidates as they become executable; creating it adds
 * the last ones and computes the roots; importing accepts it as the chain's tip and has it written
 * in the background while the next block is prepared, then prunes the pool once it is written.
 *
 * <p>Used only from the producer's thread.
 */
final class QbftLedgerAdapter implements QbftBlockchain, QbftBlockCreator, QbftBlockImporter {
  private static final Logger LOG = LoggerFactory.getLogger(QbftLedgerAdapter.class);
  private static final int MAX_CANDIDATES = 20_000;
  /**
   * Share of the block period that executing transactions may take once a block is due, as
   * Besu's {@code --poa-block-txs-selection-max-time} (default 75 %). Without a bound, a block
   * that falls behind under load takes the whole backlog, up to the gas limit, and runs later
   * still, and so does every block after it.
   */
  private static final int SELECTION_PERCENT_OF_PERIOD = 75;
  /**
   * How long before its due time a block that receives nothing more has its roots computed and
   * its tries hashed ({@link BlockBuilder#prepareFinish}). Not earlier: a transaction arriving
   * after that would make the roots be computed again, and a trickle of them, every time.
   */
  private static final long FINISH_AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Ledger ledger;
  private final TransactionPool pool;
  private final NodeMetrics metrics;
  private final BlockVerifier verifier;
  private final long selectionBudgetNanos;
  /** The block being filled ({@link #prepare}), until it is imported or discarded. */
  private BlockBuilder open;

  QbftLedgerAdapter(Ledger ledger, TransactionPool pool, NodeMetrics metrics) {
    long periodSeconds = ledger.config().qbft().blockPeriodSeconds();
    this.verifier = new BlockVerifier(periodSeconds);
    this.selectionBudgetNanos =
        TimeUnit.SECONDS.toNanos(periodSeconds) * SELECTION_PERCENT_OF_PERIOD / 100;
    this.ledger = ledger;
    this.pool = pool;
    this.metrics = metrics;
  }

  /** A built block, how many of its transactions ran ahead, and timings for the log line. */
  private record Proposal(BlockExecutor.Built built, int executedAhead, long startedNanos, long builtNanos)
      implements QbftBlock {
    @Override
    public BlockHeader header() {
      return built.block().header();
    }

    @Override
    public boolean isEmpty() {
      return built.block().transactions().isEmpty();
    }
  }

  /** The tip: the next block extends the last one imported, whether or not it is written yet. */
  @Override
  public BlockHeader headHeader() {
    return ledger.chain().tip().header();
  }

  @Override
  public boolean hasPendingTransactions() {
    // executable now (not merely queued behind a nonce gap), or already executed into the block
    return (open != null && open.size() > 0) || !pool.candidates(1).isEmpty();
  }

  @Override
  public void prepare(long timestamp, Address proposer) {
    recoverFromFailedWrite();
    // Open the block only once there is something to execute: an open block holds the ledger's
    // state lock, which must not stay taken while the chain is idle.
    if (open == null && pool.candidates(1).isEmpty()) {
      return;
    }
    try {
      // executing ahead must not run past the block's due time, or the block would be late
      long untilDue = TimeUnit.MILLISECONDS.toNanos(timestamp * 1000 - System.currentTimeMillis());
      BlockBuilder builder = openAt(timestamp, proposer);
      int before = builder.size();
      fill(builder, Math.max(untilDue, 0));
      if (builder.size() == before && before > 0 && untilDue <= FINISH_AHEAD_NANOS) {
        builder.prepareFinish(); // nothing arrived: finish what can be finished before it is due
      }
    } catch (RuntimeException | Error e) {
      discardOpen(); // a failed execution leaves the open block's state unknown
      throw e;
    }
  }

  @Override
  public QbftBlock create(long timestamp, Bytes extraData, Address proposer) {
    recoverFromFailedWrite();
    long started = System.nanoTime();
    try {
      BlockBuilder builder = openAt(timestamp, proposer);
      int executedAhead = builder.size();
      fill(builder, selectionBudgetNanos);
      return new Proposal(builder.finish(extraData), executedAhead, started, System.nanoTime());
    } catch (RuntimeException | Error e) {
      discardOpen(); // never finish or reuse a block whose building failed
      throw e;
    }
  }

  /** The open block if it is at {@code timestamp} on the head, else a newly opened one. */
  private BlockBuilder openAt(long timestamp, Address proposer) {
    if (open != null
        && (open.timestamp() != timestamp || !open.parent().hash().equals(ledger.chain().tip().hash()))) {
      discardOpen();
    }
    if (open == null) {
      open = ledger.startBlock(timestamp, proposer);
    }
    return open;
  }

  private void fill(BlockBuilder builder, long budgetNanos) {
    if (builder.isFull()) {
      return;
    }
    for (BlockExecutor.Rejected r : builder.add(pool.candidates(MAX_CANDIDATES), budgetNanos)) {
      LOG.info("dropping pending transaction {}: {}", r.transaction().hash(), r.reason().getMessage());
      pool.drop(r.transaction().hash());
    }
  }

  @Override
  public void discard(QbftBlock block) {
    discardOpen();
  }

  @Override
  public void releasePrepared() {
    if (open != null) {
      discardOpen();
    }
  }

  private void discardOpen() {
    open = null;
    ledger.abandon();
  }

  /**
   * If the last block's write failed, the head state is ahead of storage: drop any block opened
   * on it and reload. The failed block's transactions are still in the pool, which is pruned only
   * once a block is written, so the next block takes them again.
   */
  private void recoverFromFailedWrite() {
    if (ledger.lastWriteFailed()) {
      discardOpen();
    }
  }

  @Override
  public void importSealed(QbftBlock block, BlockHeader sealedHeader) {
    // The block we write must pass the same verifier any other node (or Besu) would apply.
    verifier.verify(sealedHeader, ledger.chain().tip().header());
    Proposal proposal = (Proposal) block;
    open = null; // accepted below, or released by discard if that fails
    long number = sealedHeader.number();
    ledger.commitInBackground(proposal.built(), sealedHeader).whenComplete((stored, failure) -> {
      if (failure != null) {
        // If only its state write failed, the block is committed and the ledger re-executes it
        // before the next block is built on it; its transactions, stale by nonce, leave the pool
        // when the next block is written.
        LOG.error("block #{} could not be written completely; building again on the last written block", number, failure);
        return;
      }
      long written = System.nanoTime();
      pool.onBlock(stored);
      metrics.blockImported(stored);
      LOG.info(
          "imported block #{} {} txs={} ({} executed ahead) gasUsed={} finished in {} ms, sealed and written in {} ms",
          stored.number(), stored.hash().toHexString(), stored.block().transactions().size(), proposal.executedAhead(),
          stored.header().gasUsed(), (proposal.builtNanos() - proposal.startedNanos()) / 1_000_000,
          (written - proposal.builtNanos()) / 1_000_000);
    });
  }
}
