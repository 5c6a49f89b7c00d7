package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.state.StateRoots;
import org.drr.node.state.Word256;
import org.drr.node.storage.Column;
import org.drr.node.storage.KeyValueStorage;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageException;
import org.drr.node.storage.StorageOptions;
import org.drr.node.storage.StorageTransaction;
import org.drr.node.trie.NodeCache;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks written in the background ({@link Ledger#commitInBackground}) over real RocksDB: the next
 * block is built on the tip while its parent's write is in progress, readers see a block only once
 * it is written, and a failed write takes the chain back to the last written block.
 */
class BackgroundWriteTest {
  /** Stores BLOCKHASH(NUMBER - 1) in slot 0: the parent's hash, which may still be being written. */
  private static final Address PARENT_HASH_RECORDER =
      Address.fromHexString("0x00000000000000000000000000000000000000bb");

  @TempDir Path dir;

  private static GenesisConfig genesis() {
    return GenesisConfig.parse(TestChains.genesisJson().replace("\"alloc\": {",
        "\"alloc\": {\"" + PARENT_HASH_RECORDER.toHexString() + "\": {\"code\": \"0x60014303406000550" + "0\"},"));
  }

  private RocksDbStorage open(String name) {
    return RocksDbStorage.open(dir.resolve(name), StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])));
  }

  /** Block {@code b}'s transactions: the recorder, a counter increment and a transfer, from ALICE. */
  private static List<PendingTransaction> transactions(int b) {
    long nonce = 3L * (b - 1);
    return List.of(
        TestChains.pending(TestChains.tx(TestChains.ALICE, nonce, PARENT_HASH_RECORDER, 0, Bytes.EMPTY), 1),
        TestChains.pending(TestChains.tx(TestChains.ALICE, nonce + 1,
            Address.fromHexString("0x00000000000000000000000000000000000000cc"), 0, Bytes.EMPTY), 2),
        TestChains.pending(TestChains.tx(TestChains.ALICE, nonce + 2, TestChains.BOB.address(), 7, Bytes.EMPTY), 3));
  }

  private static BlockExecutor.Built build(Ledger ledger, int b) {
    long ts = TestChains.genesis().timestamp() + b;
    BlockExecutor.Built built = ledger.build(ts, TestChains.VALIDATOR.address(), TestChains.extraData(), transactions(b));
    assertEquals(3, built.block().transactions().size(), built.rejected().toString());
    return built;
  }

  /** What transaction admission reads: the nonce and balance of the last written block. */
  private static long alicesNonce(Ledger ledger) {
    return ledger.committedBalance(TestChains.ALICE.address()).nonce();
  }

  private static BigInteger bobsBalance(Ledger ledger) {
    return ledger.committedBalance(TestChains.BOB.address()).balance();
  }

  private static Word256 recordedParentHash(Ledger ledger) {
    return ledger.readState(s -> s.storage(PARENT_HASH_RECORDER, Word256.ZERO));
  }

  @Test
  void blocksBuiltOnAParentStillBeingWrittenEqualBlocksBuiltOnWrittenOnes() {
    Bytes32 head;
    Bytes32 root;
    BigInteger bobAtGenesis;
    try (RocksDbStorage storage = open("background")) {
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      bobAtGenesis = bobsBalance(ledger);
      List<StoredBlock> heard = new ArrayList<>();
      ledger.chain().onBlockAdded(b -> {
        // a listener hears of a block once it is written: it is the head, and readable
        assertEquals(b.hash(), ledger.chain().head().hash());
        assertTrue(ledger.chain().transactionLocation(b.block().transactions().get(0).hash()).isPresent());
        assertEquals(3 * b.number(), alicesNonce(ledger), "admission sees the written block");
        heard.add(b);
      });
      List<CompletableFuture<StoredBlock>> writes = new ArrayList<>();
      for (int b = 1; b <= 6; b++) {
        BlockExecutor.Built built = build(ledger, b);
        writes.add(ledger.commitInBackground(built, built.block().header()));
        StoredBlock tip = ledger.chain().tip();
        assertEquals(b, tip.number());
        assertTrue(ledger.chain().head().number() >= b - 1);
        // BLOCKHASH of the tip is known before the tip's write lands
        assertEquals(Optional.of(tip.hash()), ledger.chain().canonicalHashOnTip(b));
        // and the block built on it recorded the hash of a parent that may have been unwritten
        assertEquals(Word256.fromBytes(ledger.chain().canonicalHashOnTip(b - 1).orElseThrow().toArrayUnsafe()),
            recordedParentHash(ledger));
      }
      for (int b = 1; b <= 6; b++) {
        assertEquals(b, writes.get(b - 1).join().number());
      }
      ledger.close();
      assertEquals(6, ledger.chain().head().number());
      assertEquals(ledger.chain().tip(), ledger.chain().head());
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), heard.stream().map(StoredBlock::number).toList());
      head = ledger.chain().head().hash();
      root = ledger.chain().head().header().stateRoot();
      assertEquals(root, ledger.readState(StateRoots::compute));
    }
    // the same blocks, each written before the next is built, give the same chain
    try (RocksDbStorage storage = open("one-by-one")) {
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      for (int b = 1; b <= 6; b++) {
        BlockExecutor.Built built = build(ledger, b);
        ledger.commit(built, built.block().header());
      }
      assertEquals(head, ledger.chain().head().hash());
    }
    // and what was written in the background reopens at the same head and state
    try (RocksDbStorage storage = open("background")) {
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      assertEquals(head, ledger.chain().head().hash());
      assertEquals(root, ledger.readState(StateRoots::compute));
      assertEquals(Word256.fromBytes(ledger.chain().canonicalHash(5).orElseThrow().toArrayUnsafe()),
          recordedParentHash(ledger));
      assertEquals(18, alicesNonce(ledger));
      assertEquals(bobAtGenesis.add(BigInteger.valueOf(6 * 7)), bobsBalance(ledger));
    }
  }

  /**
   * A written block's trie nodes go into the node cache only after the block is visible (caching
   * a large block's nodes takes long enough to delay clients), and they are cached by the time
   * its write completes.
   */
  @Test
  void trieNodesAreCachedAfterTheBlockIsVisible() {
    try (RocksDbStorage storage = open("cached")) {
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      NodeCache cache = ledger.chain().stateStore().nodes().nodeCache();
      int[] cachedWhenVisible = {-1};
      ledger.chain().onBlockAdded(b -> cachedWhenVisible[0] = cache.size());
      BlockExecutor.Built built = build(ledger, 1);
      int before = cache.size();
      ledger.commitInBackground(built, built.block().header()).join();
      assertEquals(before, cachedWhenVisible[0], "nothing cached before listeners ran");
      assertTrue(cache.size() > before, "the block's nodes are cached once its write completes");
      ledger.close();
    }
  }

  @Test
  void aFailedWriteTakesTheChainBackToTheLastWrittenBlock() throws Exception {
    try (RocksDbStorage rocks = open("failing")) {
      FailingCommits storage = new FailingCommits(rocks);
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      BigInteger bobAtGenesis = bobsBalance(ledger);
      BlockExecutor.Built first = build(ledger, 1);
      StoredBlock written = ledger.commit(first, first.block().header());
      assertEquals(3, alicesNonce(ledger));

      // block 2's write is held until block 3 has been built on it, then fails
      CountDownLatch gate = storage.failNextAfter();
      BlockExecutor.Built second = build(ledger, 2);
      CompletableFuture<StoredBlock> write = ledger.commitInBackground(second, second.block().header());
      BlockExecutor.Built third = build(ledger, 3); // includes nonces 6-8: block 2's state, unwritten
      assertEquals(ledger.chain().tip().hash(), third.block().header().parentHash());
      // BLOCKHASH saw the unwritten parent's hash
      assertEquals(Word256.fromBytes(ledger.chain().tip().hash().toArrayUnsafe()), recordedParentHash(ledger));
      assertEquals(written.hash(), ledger.chain().head().hash());
      assertEquals(3, alicesNonce(ledger), "admission must not see block 2 before its write lands");
      gate.countDown();
      CompletionException failure = assertThrows(CompletionException.class, write::join);
      assertInstanceOf(StorageException.class, failure.getCause());
      assertTrue(ledger.lastWriteFailed());
      assertEquals(written.hash(), ledger.chain().head().hash());
      assertFalse(ledger.chain().transactionLocation(second.block().transactions().get(0).hash()).isPresent());
      assertEquals(3, alicesNonce(ledger));

      // block 3, built on the block that was never written, is refused; the ledger is back at 1
      assertThrows(StorageException.class, () -> ledger.commitInBackground(third, third.block().header()));
      assertFalse(ledger.lastWriteFailed());
      assertEquals(written, ledger.chain().tip());
      assertEquals(written.header().stateRoot(), ledger.readState(StateRoots::compute));

      // block 2 is built again on block 1 and written
      BlockExecutor.Built again = build(ledger, 2);
      assertEquals(second.block().header(), again.block().header());
      assertEquals(2, ledger.commit(again, again.block().header()).number());
      assertEquals(again.block().header().stateRoot(), ledger.readState(StateRoots::compute));
      assertEquals(6, alicesNonce(ledger));
      assertEquals(bobAtGenesis.add(BigInteger.valueOf(2 * 7)), bobsBalance(ledger));
    }
  }

  @Test
  void aBlockBuiltAfterAFailedWriteBuildsOnTheLastWrittenBlock() {
    try (RocksDbStorage rocks = open("rebuild")) {
      FailingCommits storage = new FailingCommits(rocks);
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      BlockExecutor.Built first = build(ledger, 1);
      storage.failNextAfter().countDown();
      CompletableFuture<StoredBlock> write = ledger.commitInBackground(first, first.block().header());
      assertThrows(CompletionException.class, write::join);
      // building notices the failure and starts again from genesis
      BlockExecutor.Built again = build(ledger, 1);
      assertEquals(first.block().header(), again.block().header());
      assertEquals(1, ledger.commit(again, again.block().header()).number());
    }
  }

  @Test
  void aFailedCommitLeavesTheLedgerAtTheLastWrittenBlock() {
    try (RocksDbStorage rocks = open("recover")) {
      FailingCommits storage = new FailingCommits(rocks);
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      storage.failNextAfter().countDown();
      BlockExecutor.Built first = build(ledger, 1);
      assertThrows(StorageException.class, () -> ledger.commit(first, first.block().header()));
      // commit recovered already: the head state is genesis's again
      assertFalse(ledger.lastWriteFailed());
      assertEquals(0, ledger.chain().tip().number());
      assertEquals(ledger.chain().head().header().stateRoot(), ledger.readState(StateRoots::compute));
    }
  }

  /**
   * A block is visible once its own write landed; its state write follows. While that is held,
   * the head's state reads from the trie nodes held in memory, and the state pointer still names
   * the parent.
   */
  @Test
  void aBlockIsVisibleAndItsStateReadableBeforeItsStateWriteLands() throws Exception {
    try (RocksDbStorage rocks = open("state-behind")) {
      FailingCommits storage = new FailingCommits(rocks);
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      BlockExecutor.Built first = build(ledger, 1);
      CountDownLatch gate = storage.holdCommit(1, false); // the block's write lands, its state's waits
      CompletableFuture<StoredBlock> write = ledger.commitInBackground(first, first.block().header());
      storage.held.await();
      StoredBlock head = ledger.chain().head();
      assertEquals(1, head.number());
      assertEquals(0, ledger.chain().stateHead());
      assertTrue(ledger.chain().transactionLocation(first.block().transactions().get(0).hash()).isPresent());
      assertEquals(3, alicesNonce(ledger));
      assertEquals(3, ledger.chain().stateStore().account(head.header().stateRoot(), TestChains.ALICE.address()).nonce());
      assertEquals(Word256.fromBytes(ledger.chain().canonicalHash(0).orElseThrow().toArrayUnsafe()),
          ledger.chain().stateStore().stateAt(head.header().stateRoot()).storage(PARENT_HASH_RECORDER, Word256.ZERO));
      assertFalse(write.isDone());
      gate.countDown();
      assertEquals(head, write.join());
      assertEquals(1, ledger.chain().stateHead());
      ledger.close();
    }
  }

  /**
   * If a block's state write fails, the block (already visible) stays the head: the ledger
   * re-executes it from the written state and writes its state before building on it.
   */
  @Test
  void aFailedStateWriteIsRedoneByReExecutingTheHead() {
    try (RocksDbStorage rocks = open("state-failed")) {
      FailingCommits storage = new FailingCommits(rocks);
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      BlockExecutor.Built first = build(ledger, 1);
      storage.holdCommit(1, true).countDown();
      CompletableFuture<StoredBlock> write = ledger.commitInBackground(first, first.block().header());
      assertInstanceOf(StorageException.class, assertThrows(CompletionException.class, write::join).getCause());
      assertTrue(ledger.lastWriteFailed());
      assertEquals(1, ledger.chain().head().number());
      assertEquals(0, ledger.chain().stateHead());

      BlockExecutor.Built second = build(ledger, 2); // recovers first: block 1 re-executed
      assertEquals(1, ledger.chain().stateHead());
      assertEquals(ledger.chain().head().hash(), second.block().header().parentHash());
      assertEquals(2, ledger.commit(second, second.block().header()).number());
      assertEquals(second.block().header().stateRoot(), ledger.readState(StateRoots::compute));
      assertEquals(6, alicesNonce(ledger));
      ledger.close();
    }
    try (RocksDbStorage rocks = open("state-failed")) {
      Ledger ledger = Ledger.open(rocks, genesis(), QbftBlockHashing.INSTANCE);
      assertEquals(2, ledger.chain().stateHead());
      assertEquals(ledger.chain().head().header().stateRoot(), ledger.readState(StateRoots::compute));
    }
  }

  /**
   * A node stopped between a block's write and its state's (as {@code kill -9} can) reopens at
   * that block: opening re-executes it on the written state, and writes its state.
   */
  @Test
  void reopeningAfterAStopBetweenABlocksTwoWritesReExecutesIt() {
    Bytes32 root;
    try (RocksDbStorage rocks = open("stopped")) {
      FailingCommits storage = new FailingCommits(rocks);
      Ledger ledger = Ledger.open(storage, genesis(), QbftBlockHashing.INSTANCE);
      BlockExecutor.Built first = build(ledger, 1);
      ledger.commit(first, first.block().header());
      BlockExecutor.Built second = build(ledger, 2);
      storage.holdCommit(1, true).countDown(); // block 2's state write never lands
      assertThrows(CompletionException.class,
          ledger.commitInBackground(second, second.block().header())::join);
      root = second.block().header().stateRoot();
      assertEquals(2, ledger.chain().head().number(), "the block itself was written");
      assertEquals(1, ledger.chain().stateHead());
      ledger.close(); // no recovery: as if the process died here
    }
    try (RocksDbStorage rocks = open("stopped")) {
      Ledger ledger = Ledger.open(rocks, genesis(), QbftBlockHashing.INSTANCE);
      assertEquals(2, ledger.chain().head().number());
      assertEquals(2, ledger.chain().stateHead());
      assertEquals(root, ledger.readState(StateRoots::compute));
      assertEquals(6, alicesNonce(ledger));
      assertEquals(Word256.fromBytes(ledger.chain().canonicalHash(1).orElseThrow().toArrayUnsafe()),
          recordedParentHash(ledger));
      BlockExecutor.Built third = build(ledger, 3);
      assertEquals(3, ledger.commit(third, third.block().header()).number());
    }
  }

  /** Real RocksDB whose commits fail or wait when armed, as a full disk or an I/O error would. */
  private static final class FailingCommits implements KeyValueStorage {
    private final RocksDbStorage rocks;
    private volatile CountDownLatch gate;
    private volatile int skip;
    private volatile boolean fail;
    /** Opened once the armed commit is reached (and waits for its gate). */
    volatile CountDownLatch held = new CountDownLatch(1);

    /** Arms the next commit to fail once the returned gate is opened (it waits until then). */
    CountDownLatch failNextAfter() {
      return holdCommit(0, true);
    }

    /**
     * Arms the commit after the next {@code skip} to wait until the returned gate is opened, then
     * fail ({@code fail}) or land.
     */
    CountDownLatch holdCommit(int skip, boolean fail) {
      this.skip = skip;
      this.fail = fail;
      this.held = new CountDownLatch(1);
      this.gate = new CountDownLatch(1);
      return gate;
    }

    FailingCommits(RocksDbStorage rocks) {
      this.rocks = rocks;
    }

    @Override
    public Optional<byte[]> get(Column column, byte[] key) {
      return rocks.get(column, key);
    }

    @Override
    public void scan(Column column, byte[] prefix, EntryVisitor visitor) {
      rocks.scan(column, prefix, visitor);
    }

    @Override
    public StorageTransaction startTransaction() {
      StorageTransaction tx = rocks.startTransaction();
      return new StorageTransaction() {
        @Override
        public void put(Column column, byte[] key, byte[] value) {
          tx.put(column, key, value);
        }

        @Override
        public void delete(Column column, byte[] key) {
          tx.delete(column, key);
        }

        @Override
        public void commit() {
          CountDownLatch armed = gate;
          if (armed != null && skip-- == 0) {
            gate = null;
            held.countDown();
            try {
              armed.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            if (fail) {
              throw new StorageException(Path.of("test"), "write failed (injected)");
            }
          }
          tx.commit();
        }

        @Override
        public void close() {
          tx.close();
        }
      };
    }

    @Override
    public Set<Column> columns() {
      return rocks.columns();
    }

    @Override
    public void close() {
      rocks.close();
    }
  }
}
