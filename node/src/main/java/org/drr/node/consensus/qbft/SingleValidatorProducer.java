package org.drr.node.consensus.qbft;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.chain.BlockHeader;
import org.drr.node.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QBFT with one validator: the validator is every round's proposer and its own commit seal is a
 * quorum (⌈2·1/3⌉ = 1), so a round is propose → seal → import with no messages. Blocks are due
 * one block period after the parent's timestamp; with empty blocks off, a due block waits until a
 * transaction is pending. Until a block is due, what arrives is executed into it every {@value
 * #PREPARE_INTERVAL_MILLIS} ms ({@link QbftBlockCreator#prepare}), so producing it at its due time
 * costs little more than its roots and its write. Runs on its own thread, made by the given
 * factory, until {@link #close}.
 *
 * <p>The multi-validator state machine (proposal, prepare, commit, round change) replaces this
 * class behind the same interfaces.
 */
public final class SingleValidatorProducer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SingleValidatorProducer.class);
  private static final long IDLE_POLL_MILLIS = 10;
  /** How often transactions that arrived are executed into the next block while it is not due. */
  private static final long PREPARE_INTERVAL_MILLIS = 20;

  private final QbftBlockchain chain;
  private final QbftBlockCreator creator;
  private final QbftBlockImporter importer;
  private final CommitSealer sealer;
  private final long periodSeconds;
  private final boolean emptyBlocks;
  private final LongSupplier clockMillis;
  private final Thread thread;
  private volatile boolean running = true;

  public SingleValidatorProducer(
      QbftBlockchain chain, QbftBlockCreator creator, QbftBlockImporter importer, CommitSealer sealer,
      long periodSeconds, boolean emptyBlocks, LongSupplier clockMillis, ThreadFactory threads) {
    this.chain = chain;
    this.creator = creator;
    this.importer = importer;
    this.sealer = sealer;
    this.periodSeconds = periodSeconds;
    this.emptyBlocks = emptyBlocks;
    this.clockMillis = clockMillis;
    // Building a block executes transactions on this thread: the caller's factory decides how
    // (the node passes deep-stack threads, so execution needs no hand-off per transaction).
    this.thread = threads.newThread(this::run);
    this.thread.setName("qbft-producer");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    boolean warnedNotValidator = false;
    long preparedOnParent = -1; // number of the head the next block was prepared on
    while (running) {
      try {
        BlockHeader head = chain.headHeader();
        List<Address> validators = QbftExtraDataCodec.decode(head.extraData()).validators();
        if (!validators.equals(List.of(sealer.address()))) {
          if (!warnedNotValidator) {
            LOG.error("this node ({}) is not the single validator of {}; not producing blocks", sealer.address(), validators);
            warnedNotValidator = true;
          }
          sleep(1000);
          continue;
        }
        long timestamp = head.timestamp() + periodSeconds;
        long now = clockMillis.getAsLong();
        if (now < timestamp * 1000) {
          creator.prepare(timestamp, sealer.address());
          preparedOnParent = head.number();
          sleep(Math.min(timestamp * 1000 - now, PREPARE_INTERVAL_MILLIS));
          continue;
        }
        if (!emptyBlocks && !chain.hasPendingTransactions()) {
          sleep(IDLE_POLL_MILLIS);
          continue;
        }
        // A block prepared ahead keeps its timestamp, parent + period, when produced on time (in
        // that second or the next): valid, not in the future, and re-stamping it would mean
        // re-executing the period's work. Otherwise (after an idle stretch with empty blocks off)
        // the block is stamped now.
        boolean onTime = preparedOnParent == head.number() && now / 1000 - timestamp <= 1;
        if (!produce(onTime ? timestamp : Math.max(timestamp, now / 1000), validators)) {
          sleep(IDLE_POLL_MILLIS);
        }
      } catch (RuntimeException e) {
        LOG.error("block production failed; retrying", e);
        sleep(500);
      }
    }
    creator.releasePrepared(); // an open block holds the ledger's state lock on this thread
  }

  /** Proposes, seals and imports one block at {@code timestamp}; returns whether it did. */
  boolean produce(long timestamp, List<Address> validators) {
    QbftExtraData unsealed =
        new QbftExtraData(Bytes.wrap(new byte[QbftExtraData.VANITY_LENGTH]), validators, Optional.empty(), 0, List.of());
    QbftBlock block = creator.create(timestamp, QbftExtraDataCodec.encode(unsealed), sealer.address());
    if (!emptyBlocks && block.isEmpty()) {
      creator.discard(block); // the pending transactions were all invalid against the state
      return false;
    }
    try {
      BlockHeader sealed = CommitSealer.withSeals(block.header(), List.of(sealer.seal(block.header())));
      importer.importSealed(block, sealed);
      return true;
    } catch (RuntimeException e) {
      creator.discard(block); // release the proposal whatever failed; the chain is unchanged
      throw e;
    }
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops after the block in progress, if any. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
