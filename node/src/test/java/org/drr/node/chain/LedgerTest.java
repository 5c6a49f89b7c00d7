package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.state.StateRoots;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger over a real RocksDB: building, committing, indexes and resuming after reopen. */
class LedgerTest {
  private static final Address COUNTER = Address.fromHexString("0x00000000000000000000000000000000000000cc");
  @TempDir Path dir;

  private RocksDbStorage open() {
    return RocksDbStorage.open(dir, StorageOptions.durable(ChainColumns.ALL.toArray(new org.drr.node.storage.Column[0])));
  }

  @Test
  void buildsCommitsAndResumesFromHead() {
    Bytes32 headHash;
    Bytes32 stateRoot;
    Bytes32 lastTx;
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      assertEquals(0, ledger.chain().head().number());
      long ts = ledger.chain().head().header().timestamp();
      long nonce = 0;
      Bytes32 last = null;
      for (int b = 1; b <= 5; b++) {
        List<PendingTransaction> txs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          var tx = TestChains.tx(TestChains.ALICE, nonce++, i == 0 ? COUNTER : TestChains.BOB.address(), 1000, Bytes.EMPTY);
          txs.add(TestChains.pending(tx, nonce));
          last = tx.hash();
        }
        var built = ledger.build(ts + b, TestChains.VALIDATOR.address(), TestChains.extraData(), txs);
        assertEquals(3, built.block().transactions().size(), built.rejected().toString());
        ledger.commit(built, built.block().header());
        assertEquals(
            ledger.chain().head().header().stateRoot(), ledger.readState(StateRoots::compute));
      }
      StoredBlock head = ledger.chain().head();
      assertEquals(5, head.number());
      headHash = head.hash();
      stateRoot = head.header().stateRoot();
      lastTx = last;
      // the counter contract incremented slot 0 once per block: 5 + 5
      assertEquals(
          BigInteger.TEN,
          new BigInteger(1, ledger.readState(s -> s.storage(COUNTER, org.drr.node.state.Word256.ZERO)).toBytes()));
    }
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      StoredBlock head = ledger.chain().head();
      assertEquals(headHash, head.hash());
      assertEquals(stateRoot, ledger.readState(StateRoots::compute));
      TransactionLocation loc = ledger.chain().transactionLocation(lastTx).orElseThrow();
      assertEquals(5, loc.blockNumber());
      assertEquals(2, loc.index());
      List<Receipt> receipts = ledger.chain().receipts(headHash);
      assertEquals(3, receipts.size());
      assertTrue(receipts.stream().allMatch(Receipt::success));
      // historical state through the trie: Alice's nonce after block 2 was 6
      Bytes32 root2 = ledger.chain().header(2).orElseThrow().stateRoot();
      assertEquals(6, ledger.chain().stateStore().account(root2, TestChains.ALICE.address()).nonce());
      // and the next block builds on the resumed state
      var tx = TestChains.tx(TestChains.ALICE, 15, TestChains.BOB.address(), 1, Bytes.EMPTY);
      var built = ledger.build(head.header().timestamp() + 1, TestChains.VALIDATOR.address(), TestChains.extraData(), List.of(TestChains.pending(tx, 1)));
      assertEquals(1, built.block().transactions().size());
      ledger.commit(built, built.block().header());
    }
  }

  @Test
  void rejectsInvalidCandidatesAndImportsReproduceRoots() {
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      long ts = ledger.chain().head().header().timestamp();
      var good = TestChains.tx(TestChains.ALICE, 0, TestChains.BOB.address(), 5, Bytes.EMPTY);
      var gap = TestChains.tx(TestChains.BOB, 3, TestChains.ALICE.address(), 5, Bytes.EMPTY);
      var built = ledger.build(ts + 1, TestChains.VALIDATOR.address(), TestChains.extraData(),
          List.of(TestChains.pending(good, 1), TestChains.pending(gap, 2)));
      assertEquals(1, built.block().transactions().size());
      assertEquals(1, built.rejected().size());
      assertTrue(built.rejected().get(0).reason().getMessage().contains("nonce too high"));
      Block block = built.block();
      ledger.abandon();
      assertEquals(0, ledger.chain().head().number());
      // importing the same block re-executes it and reproduces every root
      StoredBlock imported = ledger.importBlock(block);
      assertEquals(1, imported.number());
      // a block with a wrong state root is refused and changes nothing
      var next = ledger.build(ts + 2, TestChains.VALIDATOR.address(), TestChains.extraData(),
          List.of(TestChains.pending(TestChains.tx(TestChains.ALICE, 1, TestChains.BOB.address(), 5, Bytes.EMPTY), 1)));
      Block tampered = new Block(
          new BlockHeader(next.block().header().parentHash(), Block.EMPTY_OMMERS_HASH, next.block().header().coinbase(),
              Bytes32.ZERO, next.block().header().transactionsRoot(), next.block().header().receiptsRoot(),
              next.block().header().logsBloom(), BigInteger.ONE, 2, next.block().header().gasLimit(),
              next.block().header().gasUsed(), ts + 2, TestChains.extraData(), next.block().header().mixHash(),
              next.block().header().nonce(), BigInteger.ZERO, next.block().header().withdrawalsRoot(), 0L, 0L, Bytes32.ZERO),
          next.block().transactions());
      ledger.abandon();
      var e = assertThrows(BlockValidationException.class, () -> ledger.importBlock(tampered));
      assertTrue(e.getMessage().contains("state root"), e.getMessage());
      assertEquals(1, ledger.chain().head().number());
      assertFalse(ledger.chain().block(2).isPresent());
    }
  }

  @Test
  void logTopicIndexFindsAnAssetsHistoryAcrossBlocks() {
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      Bytes32 assetA = Bytes32.fromHexString("0x" + "a5".repeat(32));
      Bytes32 assetB = Bytes32.fromHexString("0x" + "b5".repeat(32));
      long ts = ledger.chain().head().header().timestamp();
      long nonce = 0;
      for (int b = 1; b <= 4; b++) {
        Bytes32 asset = b % 2 == 0 ? assetA : assetB;
        var tx = TestChains.tx(TestChains.ALICE, nonce++, TestChains.EMITTER, 0, asset);
        var built = ledger.build(ts + b, TestChains.VALIDATOR.address(), TestChains.extraData(), List.of(TestChains.pending(tx, b)));
        ledger.commit(built, built.block().header());
      }
      List<LogPointer> history = ledger.chain().logsWithTopic(assetA, 0, 10);
      assertEquals(List.of(new LogPointer(2, 0, 0, 1), new LogPointer(4, 0, 0, 1)), history);
      assertEquals(List.of(new LogPointer(4, 0, 0, 1)), ledger.chain().logsWithTopic(assetA, 3, 10));
      assertEquals(4, ledger.chain().logsWithTopic(Bytes32.leftPad(Bytes.of(0xaa)), 0, 10).size());
    }
  }

  /**
   * {@code SSTORE(word0, word1)}, then {@code REVERT} if word2 is non-zero: lets a transaction
   * set, clear, or set-and-revert any slot.
   */
  private static final Bytes SLOT_WRITER_INIT = Bytes.fromHexString(
      "0x6015600c60003960156000f3" + "602035600035556040351560135760006000fd5b00");
  /** Init code that self-destructs: the account is created and deleted in one transaction. */
  private static final Bytes SELF_DESTRUCTING_INIT = Bytes.fromHexString("0x33ff");

  @Test
  void incrementalStateWritesMatchAFullRecomputationAndSurviveReopen() {
    java.util.Random random = new java.util.Random(7);
    Bytes32 headRoot;
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      long ts = ledger.chain().head().header().timestamp();
      Address writer = Address.contractAddress(TestChains.ALICE.address(), 0);
      long nonce = 0;
      for (int b = 1; b <= 25; b++) {
        List<PendingTransaction> txs = new ArrayList<>();
        if (b == 1) {
          txs.add(TestChains.pending(TestChains.tx(TestChains.ALICE, nonce++, null, 0, SLOT_WRITER_INIT), 0));
        }
        for (int i = 0; i < 6; i++) {
          int choice = random.nextInt(10);
          Bytes data = choice == 0
              ? SELF_DESTRUCTING_INIT
              : Bytes.concatenate(
                  Bytes32.leftPad(Bytes.of(random.nextInt(8))),
                  Bytes32.leftPad(Bytes.of(random.nextInt(3))),        // 0 clears the slot
                  Bytes32.leftPad(Bytes.of(choice == 1 ? 1 : 0)));     // 1 reverts the write
          Address to = choice == 0 ? null : writer;
          txs.add(TestChains.pending(TestChains.tx(TestChains.ALICE, nonce++, to, 0, data), txs.size()));
        }
        // Filled in random steps, as the producer does while the period runs: each step folds
        // its changes into the tries, and slots may change again in a later step.
        BlockBuilder builder = ledger.startBlock(ts + b, TestChains.VALIDATOR.address());
        for (int from = 0; from < txs.size(); ) {
          int to = Math.min(txs.size(), from + 1 + random.nextInt(3));
          assertTrue(builder.add(txs.subList(from, to)).isEmpty());
          if (random.nextBoolean()) {
            builder.prepareFinish(); // as while waiting idle for the due time; more may follow
          }
          from = to;
        }
        var built = builder.finish(TestChains.extraData());
        assertEquals(txs.size(), built.block().transactions().size());
        ledger.commit(built, built.block().header());
        assertEquals(ledger.chain().head().header().stateRoot(), ledger.readState(StateRoots::compute),
            "block " + b + ": the root from changed slots only differs from a full recomputation");
      }
      headRoot = ledger.chain().head().header().stateRoot();
    }
    try (RocksDbStorage storage = open()) {
      // The flat columns written incrementally reload into exactly the committed state.
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      assertEquals(headRoot, ledger.readState(StateRoots::compute));
    }
  }

  /** {@code n} transactions from ALICE, alternately calling the counter and paying BOB. */
  private static List<PendingTransaction> counterCallsAndPayments(int n) {
    List<PendingTransaction> txs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Address to = i % 2 == 0 ? COUNTER : TestChains.BOB.address();
      txs.add(TestChains.pending(TestChains.tx(TestChains.ALICE, i, to, 10, Bytes.EMPTY), i));
    }
    return txs;
  }

  /** The header of block 1 holding {@code txs}, built in one go on a fresh chain in {@code dir}. */
  private static BlockHeader builtAtOnce(Path dir, List<PendingTransaction> txs) {
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(ChainColumns.ALL.toArray(new org.drr.node.storage.Column[0])))) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      long ts = ledger.chain().head().header().timestamp() + 1;
      BlockHeader header = ledger.build(ts, TestChains.VALIDATOR.address(), TestChains.extraData(), txs).block().header();
      ledger.abandon();
      return header;
    }
  }

  @Test
  void aBlockFilledInStepsEqualsTheSameBlockBuiltAtOnce(@TempDir Path other) {
    List<PendingTransaction> txs = counterCallsAndPayments(6);
    BlockHeader atOnce = builtAtOnce(other, txs);
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      long ts = ledger.chain().head().header().timestamp() + 1;
      BlockBuilder builder = ledger.startBlock(ts, TestChains.VALIDATOR.address());
      assertTrue(builder.add(txs.subList(0, 2)).isEmpty());
      // the state the pool reads while the block fills includes what was executed so far
      assertEquals(2L, (long) ledger.readState(s -> s.nonce(TestChains.ALICE.address())));
      builder.prepareFinish(); // roots of the first two, stale once more are added
      assertTrue(builder.add(txs.subList(2, 6)).isEmpty());
      var built = builder.finish(TestChains.extraData());
      assertEquals(atOnce, built.block().header());
      ledger.commit(built, built.block().header());
      assertEquals(atOnce.stateRoot(), ledger.readState(StateRoots::compute));
      // an opened block that included nothing is released without touching the state
      BlockBuilder empty = ledger.startBlock(ts + 1, TestChains.VALIDATOR.address());
      assertEquals(1, empty.add(List.of(txs.get(0))).size()); // nonce 0 again: rejected
      assertTrue(empty.leftStateUnchanged());
      ledger.abandon();
      assertEquals(atOnce.stateRoot(), ledger.readState(StateRoots::compute));
    }
  }

  /** Roots computed ahead, while the block waits for its due time, are the roots it gets. */
  @Test
  void aBlockFinishedAheadEqualsTheSameBlockFinishedWhenDue(@TempDir Path other) {
    List<PendingTransaction> txs = counterCallsAndPayments(4);
    BlockHeader whenDue = builtAtOnce(other, txs);
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      BlockBuilder builder = ledger.startBlock(
          ledger.chain().head().header().timestamp() + 1, TestChains.VALIDATOR.address());
      assertTrue(builder.add(txs).isEmpty());
      builder.prepareFinish();
      builder.prepareFinish(); // nothing new: nothing recomputed, nothing changed
      var built = builder.finish(TestChains.extraData());
      assertEquals(whenDue, built.block().header());
      assertNotEquals(org.drr.node.trie.MerklePatriciaTrie.EMPTY_TRIE_ROOT, whenDue.receiptsRoot());
      ledger.commit(built, built.block().header());
      assertEquals(whenDue.stateRoot(), ledger.readState(StateRoots::compute));
    }
  }

  @Test
  void aSpentTimeBudgetLeavesTheRestForLaterWithoutSkippingSenders() {
    List<PendingTransaction> txs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      txs.add(TestChains.pending(TestChains.tx(TestChains.ALICE, i, TestChains.BOB.address(), 1, Bytes.EMPTY), i));
    }
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      BlockBuilder builder = ledger.startBlock(
          ledger.chain().head().header().timestamp() + 1, TestChains.VALIDATOR.address());
      // a budget already spent still takes the first candidate, so every call makes progress
      assertTrue(builder.add(txs, 0).isEmpty());
      assertEquals(1, builder.size());
      // the rest were neither rejected nor their sender skipped: a later call takes them
      assertTrue(builder.add(txs.subList(1, 4)).isEmpty());
      assertEquals(4, builder.size());
      ledger.abandon();
    }
  }

  @Test
  void callRevertsItsChanges() {
    try (RocksDbStorage storage = open()) {
      Ledger ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
      Bytes32 before = ledger.readState(StateRoots::compute);
      var result = ledger.call(TestChains.ALICE.address(), COUNTER, BigInteger.ZERO, Bytes.EMPTY, 100_000);
      assertTrue(result.success());
      assertTrue(result.gasUsed() > 5_000, "cold SSTORE charged: " + result.gasUsed());
      assertEquals(before, ledger.readState(StateRoots::compute));
    }
  }
}
