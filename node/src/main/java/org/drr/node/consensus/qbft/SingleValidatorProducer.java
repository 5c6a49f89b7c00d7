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
 * transaction is pending. Runs on its own thread, made by the given factory, until {@link
 * #close}.
 *
 * <p>The multi-validator state machine (proposal, prepare, commit, round change) replaces this
 * class behind the same interfaces.
 */
public final class SingleValidatorProducer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SingleValidatorProducer.class);
  private static final long IDLE_POLL_MILLIS = 10;

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
        long dueMillis = (head.timestamp() + periodSeconds) * 1000;
        long now = clockMillis.getAsLong();
        if (now < dueMillis) {
          sleep(Math.min(dueMillis - now, 250));
          continue;
        }
        if (!emptyBlocks && !chain.hasPendingTransactions()) {
          sleep(IDLE_POLL_MILLIS);
          continue;
        }
        if (!produce(Math.max(head.timestamp() + periodSeconds, now / 1000), validators)) {
          sleep(IDLE_POLL_MILLIS);
        }
      } catch (RuntimeException e) {
        LOG.error("block production failed; retrying", e);
        sleep(500);
      }
    }
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
