package org.drr.node.app;

import org.apache.tuweni.bytes.Bytes;
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
 * Bridges the QBFT core's interfaces to the ledger and the pool: creating a block builds it from
 * the pool's candidates on the head state; importing commits it and prunes the pool.
 */
final class QbftLedgerAdapter implements QbftBlockchain, QbftBlockCreator, QbftBlockImporter {
  private static final Logger LOG = LoggerFactory.getLogger(QbftLedgerAdapter.class);
  private static final int MAX_CANDIDATES = 20_000;

  private final Ledger ledger;
  private final TransactionPool pool;
  private final NodeMetrics metrics;
  private final BlockVerifier verifier;

  QbftLedgerAdapter(Ledger ledger, TransactionPool pool, NodeMetrics metrics) {
    this.verifier = new BlockVerifier(ledger.config().qbft().blockPeriodSeconds());
    this.ledger = ledger;
    this.pool = pool;
    this.metrics = metrics;
  }

  /** A built block and when building started, for the import log line. */
  private record Proposal(BlockExecutor.Built built, long startedNanos, long builtNanos) implements QbftBlock {
    @Override
    public BlockHeader header() {
      return built.block().header();
    }

    @Override
    public boolean isEmpty() {
      return built.block().transactions().isEmpty();
    }
  }

  @Override
  public BlockHeader headHeader() {
    return ledger.chain().head().header();
  }

  @Override
  public boolean hasPendingTransactions() {
    return !pool.candidates(1).isEmpty(); // executable now, not merely queued behind a nonce gap
  }

  @Override
  public QbftBlock create(long timestamp, Bytes extraData, Address proposer) {
    long started = System.nanoTime();
    BlockExecutor.Built built = ledger.build(timestamp, proposer, extraData, pool.candidates(MAX_CANDIDATES));
    for (BlockExecutor.Rejected r : built.rejected()) {
      LOG.info("dropping pending transaction {}: {}", r.transaction().hash(), r.reason().getMessage());
      pool.drop(r.transaction().hash());
    }
    return new Proposal(built, started, System.nanoTime());
  }

  @Override
  public void discard(QbftBlock block) {
    ledger.abandon();
  }

  @Override
  public void importSealed(QbftBlock block, BlockHeader sealedHeader) {
    // The block we write must pass the same verifier any other node (or Besu) would apply.
    verifier.verify(sealedHeader, ledger.chain().head().header());
    Proposal proposal = (Proposal) block;
    StoredBlock stored = ledger.commit(proposal.built(), sealedHeader);
    long committed = System.nanoTime();
    pool.onBlock(stored);
    metrics.blockImported(stored);
    LOG.info(
        "imported block #{} {} txs={} gasUsed={} built in {} ms, sealed and committed in {} ms",
        stored.number(), stored.hash().toHexString(), stored.block().transactions().size(), stored.header().gasUsed(),
        (proposal.builtNanos() - proposal.startedNanos()) / 1_000_000, (committed - proposal.builtNanos()) / 1_000_000);
  }
}
