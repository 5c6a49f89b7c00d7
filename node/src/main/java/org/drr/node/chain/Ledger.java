package org.drr.node.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.evm.CallKind;
import org.drr.node.evm.Evm;
import org.drr.node.evm.MessageResult;
import org.drr.node.evm.TransactionContext;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.execution.DeepStack;
import org.drr.node.fork.Fork;
import org.drr.node.state.WorldState;
import org.drr.node.storage.KeyValueStorage;
import org.drr.node.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's ledger: the canonical {@link Blockchain}, the head {@link WorldState} it implies,
 * and the {@link BlockExecutor} that extends it. Opening it writes the genesis block into an empty
 * database or resumes from the stored head: it reloads the state from the flat columns and
 * re-executes the head block if the node stopped before that block's state was written ({@link
 * Blockchain}).
 *
 * <p>The head state is guarded by one lock, held by block building and {@link #readState}.
 * Nothing on the RPC path takes it: {@link #call} runs on a lazy view of the committed state and
 * {@link #committedBalance} reads the state store's in-memory copy of the flat account column.
 * Building mutates the head state, so every {@link #build} must be followed by {@link #commit} or
 * {@link #abandon}.
 *
 * <p>The head state is the state after the chain's {@link Blockchain#tip}, which may still be being
 * written ({@link #commitInBackground}); readers of committed state see the last written block.
 */
public final class Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
  private final GenesisConfig config;
  private final Blockchain chain;
  private final BlockExecutor executor;
  private final ReentrantLock stateLock = new ReentrantLock();
  private WorldState headState;
  /** The block opened by {@link #startBlock}, until committed or abandoned. */
  private BlockBuilder building;

  private Ledger(GenesisConfig config, Blockchain chain) {
    this.config = config;
    this.chain = chain;
    this.executor = new BlockExecutor(config, chain);
  }

  /**
   * Opens the ledger in {@code storage} (which must have {@link ChainColumns#ALL}).
   *
   * @throws IllegalStateException if the stored chain has another genesis
   */
  public static Ledger open(KeyValueStorage storage, GenesisConfig config, BlockHashing hashing) {
    StateStore stateStore = new StateStore(storage);
    WorldState genesisState = Genesis.state(config);
    StateStore.Changes genesisChanges =
        stateStore.changesSince(genesisState, org.drr.node.trie.MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    Block genesis = Genesis.block(config, genesisChanges.stateRoot());
    boolean fresh = storage.get(ChainColumns.META, "head".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).isEmpty();
    Blockchain chain = Blockchain.open(storage, hashing, stateStore, genesis, genesisChanges);
    Ledger ledger = new Ledger(config, chain);
    ledger.headState = fresh ? genesisState : ledger.loadHeadState();
    return ledger;
  }

  /**
   * The state after the head, from storage: the flat columns hold the state after {@link
   * Blockchain#stateHead}; any block after that (written, but the node stopped or the write
   * failed before its state was) is re-executed from its stored body and its state written.
   *
   * @throws BlockValidationException if a stored block does not re-execute to its header's roots
   */
  private WorldState loadHeadState() {
    WorldState state = chain.stateStore().load();
    for (long n = chain.stateHead() + 1; n <= chain.head().number(); n++) {
      StoredBlock parent = chain.block(n - 1).orElseThrow();
      StoredBlock block = chain.block(n).orElseThrow();
      LOG.info("block #{} was written but its state was not; re-executing it", n);
      chain.restoreState(block, executor.execute(state, parent, block.block()).changes());
    }
    return state;
  }

  public GenesisConfig config() {
    return config;
  }

  public Blockchain chain() {
    return chain;
  }

  public BlockExecutor executor() {
    return executor;
  }

  /** The fork of the next block if it had {@code timestamp}. */
  public Fork forkAt(long timestamp) {
    return config.forks().forkAt(timestamp);
  }

  /**
   * Runs {@code reader} on the head state under the state lock; it must not modify it. While a
   * block is open ({@link #startBlock}) only its builder's thread gets in (and sees the block's
   * effects so far); other threads wait for the block's commit, at most about a block period.
   */
  public <T> T readState(Function<WorldState, T> reader) {
    stateLock.lock();
    try {
      return reader.apply(headState);
    } finally {
      stateLock.unlock();
    }
  }

  /**
   * The nonce and balance of {@code address} at the last committed block, without waiting for
   * the state lock: block building holds that lock through execution and the synced write, and
   * transaction admission must not stall behind it. Reflects the last block whose write landed,
   * which may be newer than a {@link Blockchain#head()} read just before; never one still being
   * built or written.
   */
  public StateStore.CommittedBalance committedBalance(Address address) {
    return chain.stateStore().committedBalance(address);
  }

  /**
   * Builds (executes, unsealed) the next block on the head state in one go. Holds the state lock
   * until {@link #commit} or {@link #abandon}.
   */
  public BlockExecutor.Built build(
      long timestamp, Address coinbase, Bytes extraData, List<PendingTransaction> candidates) {
    stateLock.lock();
    try {
      reloadIfLastWriteFailed();
      return executor.build(headState, chain.tip(), timestamp, coinbase, extraData, candidates);
    } catch (RuntimeException e) {
      abandon();
      throw e;
    }
  }

  /**
   * Opens the next block on the head state, to be filled while the block period runs. Holds the
   * state lock until {@link #commit} or {@link #abandon}; only the caller's thread may use the
   * builder or read the state ({@link #readState} then sees the block's effects so far).
   */
  public BlockBuilder startBlock(long timestamp, Address coinbase) {
    stateLock.lock();
    try {
      reloadIfLastWriteFailed();
      building = executor.start(headState, chain.tip(), timestamp, coinbase);
      return building;
    } catch (RuntimeException e) {
      abandon();
      throw e;
    }
  }

  /**
   * Commits a built block whose header was sealed (only {@code extraData} may differ from the
   * built header) and releases the state lock; returns once the block is written.
   */
  public StoredBlock commit(BlockExecutor.Built built, BlockHeader sealedHeader) {
    CompletableFuture<StoredBlock> written = commitInBackground(built, sealedHeader);
    try {
      return Blockchain.joinWrite(written);
    } catch (RuntimeException e) {
      recoverFromFailedWrite();
      throw e;
    }
  }

  /**
   * {@link #commit}, but returns once the block is accepted as the chain's tip, with its write
   * still in progress, so the next block can be built meanwhile. The future completes once the
   * block is written (it is then the head readers see), or with the write's failure: then the
   * next block is built on the last written one instead ({@link #lastWriteFailed}); a block
   * already built on the failed one is refused when committed.
   */
  public CompletableFuture<StoredBlock> commitInBackground(BlockExecutor.Built built, BlockHeader sealedHeader) {
    try {
      BlockHeader h = built.block().header();
      if (!sealedHeader.withExtraData(h.extraData()).equals(h)) {
        throw new IllegalArgumentException(
            "sealed header of block " + h.number() + " differs from the built one beyond extraData");
      }
      return chain.appendInBackground(
          new Block(sealedHeader, built.block().transactions()), built.receipts(), built.changes());
    } catch (RuntimeException e) {
      reloadHead();
      throw e;
    } finally {
      building = null;
      stateLock.unlock();
    }
  }

  /** Whether the last block's background write failed, so the head state is ahead of storage. */
  public boolean lastWriteFailed() {
    return chain.lastWriteFailed();
  }

  /** After a failed background write: reloads the head state from the last written block. */
  private void recoverFromFailedWrite() {
    stateLock.lock();
    try {
      reloadIfLastWriteFailed();
    } finally {
      stateLock.unlock();
    }
  }

  /** Under the state lock: a block is never built on one whose write failed. */
  private void reloadIfLastWriteFailed() {
    if (chain.lastWriteFailed()) {
      reloadHead();
    }
  }

  /**
   * Discards a built block: reloads the head state from storage and releases the lock taken by
   * {@link #build}. Also safe after a failed {@link #commit}.
   */
  public void abandon() {
    if (!stateLock.isHeldByCurrentThread()) {
      stateLock.lock(); // after a failed commit the lock is already released: reload under it
    }
    try {
      // An opened block that included nothing left the state as it was: skip the reload, which
      // reads the whole state.
      if (building == null || !building.leftStateUnchanged() || chain.lastWriteFailed()) {
        reloadHead();
      }
    } finally {
      building = null;
      stateLock.unlock();
    }
  }

  /**
   * Reloads the head state from storage, under the state lock, once the block being written has
   * landed (or, if its write failed, been forgotten).
   */
  private void reloadHead() {
    chain.settle();
    headState = loadHeadState();
  }

  /** Lets the block being written land; the ledger is not used afterwards. */
  public void close() {
    chain.close();
  }

  /**
   * Imports a block received from elsewhere on top of the head: re-executes it and commits it if
   * it reproduces the header's roots (consensus checks are the caller's).
   *
   * @throws BlockValidationException if it does not; the head is unchanged
   */
  public StoredBlock importBlock(Block block) {
    stateLock.lock();
    try {
      BlockExecutor.Built built = executor.execute(headState, chain.tip(), block);
      return chain.append(block, built.receipts(), built.changes());
    } catch (RuntimeException e) {
      reloadHead();
      throw e;
    } finally {
      stateLock.unlock();
    }
  }

  /** The outcome of a read-only call. */
  public record CallResult(boolean success, byte[] output, long gasUsed, String failure) {}

  /**
   * Executes a message call against the last committed state as if in the next block, on a lazy
   * view of that state, so it neither waits for nor sees a block being built. No nonce,
   * balance-for-gas or signature checks (as {@code eth_call}).
   *
   * @param to the callee, or null to run {@code data} as init code
   */
  public CallResult call(Address from, Address to, BigInteger value, Bytes data, long gas) {
    return call(chain.head(), from, to, value, data, gas);
  }

  /** {@link #call} on the state after {@code head}, a committed block. */
  public CallResult call(StoredBlock head, Address from, Address to, BigInteger value, Bytes data, long gas) {
    WorldState state = chain.stateStore().stateAt(head.header().stateRoot());
    long timestamp = Math.max(head.header().timestamp() + 1, System.currentTimeMillis() / 1000);
    Fork fork = forkAt(timestamp);
    BlockHeader next = executor.template(head, timestamp, head.header().coinbase(), Bytes.EMPTY);
    BlockEnvironment env = executor.environment(next, fork);
    Evm evm = new Evm(state, fork, env, new TransactionContext(from, BigInteger.ZERO, List.of()));
    state.substate().warmAddress(from);
    if (to != null) {
      state.substate().warmAddress(to);
    }
    // Nested calls recurse on the Java stack: run where 1024 frames fit.
    MessageResult r = DeepStack.call(() -> to == null
        ? evm.create(from, value, data.toArrayUnsafe(), gas, 0, null)
        : evm.call(CallKind.CALL, from, to, to, value, data.toArrayUnsafe(), gas, 0, false));
    return new CallResult(
        r.isSuccess(), r.output(), gas - r.gasLeft(),
        r.isSuccess() ? null : org.drr.node.evm.Status.name(r.status()));
  }
}
