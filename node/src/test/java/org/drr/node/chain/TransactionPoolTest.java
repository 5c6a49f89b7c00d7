package org.drr.node.chain;

import static org.drr.node.chain.TransactionRejectedException.Reason.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.consensus.qbft.QbftBlockHashing;
import org.drr.node.crypto.KeyPair;
import org.drr.node.crypto.PrivateKey;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.types.Eip1559Transaction;
import org.drr.node.types.TransactionSigner;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionPoolTest {
  @TempDir Path dir;
  private RocksDbStorage storage;
  private Ledger ledger;
  private final org.drr.node.types.Address bob = TestChains.BOB.address();

  @BeforeEach
  void open() {
    storage = RocksDbStorage.open(dir, StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])));
    ledger = Ledger.open(storage, TestChains.genesis(), QbftBlockHashing.INSTANCE);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private TransactionPool pool(PoolOptions options) {
    return new TransactionPool(ledger, options, SenderPermission.ALLOW_ALL);
  }

  private static TransactionRejectedException.Reason rejection(Runnable r) {
    return assertThrows(TransactionRejectedException.class, r::run).reason();
  }

  @Test
  void ordersPerSenderAndCandidatesAreConsecutive() {
    TransactionPool pool = pool(PoolOptions.DEFAULT);
    pool.add(TestChains.tx(TestChains.ALICE, 1, bob, 1, Bytes.EMPTY));
    pool.add(TestChains.tx(TestChains.ALICE, 3, bob, 1, Bytes.EMPTY)); // gap at 2
    assertEquals(0, pool.candidates(100).size(), "nonce 0 missing: nothing executable");
    pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 1, Bytes.EMPTY));
    pool.add(TestChains.tx(TestChains.BOB, 0, bob, 1, Bytes.EMPTY, 5));
    List<PendingTransaction> c = pool.candidates(100);
    assertEquals(3, c.size());
    assertEquals(TestChains.BOB.address(), c.get(0).sender(), "higher tip first");
    assertEquals(0, c.get(1).nonce());
    assertEquals(1, c.get(2).nonce());
    assertEquals(2, pool.pendingNonce(TestChains.ALICE.address(), 0));
    // mine them: included ones and stale ones leave the pool, the gapped one stays
    var built = ledger.build(ledger.chain().head().header().timestamp() + 1, TestChains.VALIDATOR.address(), TestChains.extraData(), c);
    StoredBlock b = ledger.commit(built, built.block().header());
    pool.onBlock(b);
    assertEquals(1, pool.size());
    assertEquals(NONCE_TOO_LOW, rejection(() -> pool.add(TestChains.tx(TestChains.ALICE, 1, bob, 2, Bytes.EMPTY))));
  }

  /**
   * Blocks landing while transactions are admitted must never make a sender's next nonce look too
   * far ahead. Each block here empties Alice's queue, as under load: read apart, the account
   * nonce from before a block and the queue from after it would put the next nonce past the
   * window (two here), which is how the registration benchmark once lost a client.
   */
  @Test
  void admissionAndLandingBlocksAgreeOnTheNextNonce() throws Exception {
    TransactionPool pool = pool(new PoolOptions(4096, 2, BigInteger.ZERO, 10, 128 * 1024));
    ledger.chain().onBlockAdded(pool::onBlock);
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger blocks = new AtomicInteger();
    AtomicReference<Throwable> producerFailure = new AtomicReference<>();
    Thread producer = Thread.ofPlatform().start(() -> {
      try {
        long timestamp = ledger.chain().head().header().timestamp();
        while (!done.get()) {
          List<PendingTransaction> candidates = pool.candidates(1000);
          if (!candidates.isEmpty()) {
            var built = ledger.build(++timestamp, TestChains.VALIDATOR.address(), TestChains.extraData(), candidates);
            ledger.commit(built, built.block().header());
            blocks.incrementAndGet();
          }
        }
      } catch (Throwable t) {
        producerFailure.set(t);
      }
    });
    try {
      for (int nonce = 0; nonce < 5_000; nonce++) {
        pool.add(TestChains.tx(TestChains.ALICE, nonce, bob, 1, Bytes.EMPTY));
      }
    } finally {
      done.set(true);
      producer.join();
    }
    assertNull(producerFailure.get(), "the producer failed");
    assertTrue(blocks.get() > 10, "blocks landed during admission: " + blocks.get());
  }

  @Test
  void admissionReadsTheCommittedHeadWithoutWaitingForBlockBuilding() throws Exception {
    TransactionPool pool = pool(PoolOptions.DEFAULT);
    pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 1, Bytes.EMPTY));
    // build holds the state lock on this thread until commit; admission runs on another thread
    var built = ledger.build(
        ledger.chain().head().header().timestamp() + 1, TestChains.VALIDATOR.address(),
        TestChains.extraData(), pool.candidates(100));
    var admitter = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      var admitted = admitter.submit(() -> pool.add(TestChains.tx(TestChains.ALICE, 1, bob, 1, Bytes.EMPTY)));
      admitted.get(30, java.util.concurrent.TimeUnit.SECONDS);
      // the built (uncommitted) block already raised Alice's nonce; admission must still see 0
      var sameNonce = admitter.submit(
          () -> rejection(() -> pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 2, Bytes.EMPTY))));
      assertEquals(REPLACEMENT_UNDERPRICED, sameNonce.get(30, java.util.concurrent.TimeUnit.SECONDS),
          "nonce 0 is judged against the committed head (nonce 0), not the block being built");
    } finally {
      admitter.shutdownNow();
    }
    pool.onBlock(ledger.commit(built, built.block().header()));
    assertEquals(1, pool.size(), "the included nonce 0 left, nonce 1 stays");
    assertEquals(NONCE_TOO_LOW, rejection(() -> pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 3, Bytes.EMPTY))));
  }

  @Test
  void replacementNeedsPriceBump() {
    TransactionPool pool = pool(PoolOptions.DEFAULT);
    pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 1, Bytes.EMPTY, 10));
    var same = TestChains.tx(TestChains.ALICE, 0, bob, 2, Bytes.EMPTY, 10);
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class, () -> pool.add(same));
    assertEquals(REPLACEMENT_UNDERPRICED, e.reason());
    assertTrue(e.getMessage().startsWith("replacement transaction underpriced"), e.getMessage());
    var bumped = TestChains.tx(TestChains.ALICE, 0, bob, 2, Bytes.EMPTY, 12);
    pool.add(bumped);
    assertEquals(1, pool.size());
    assertEquals(bumped.hash(), pool.candidates(10).get(0).hash());
    assertEquals(ALREADY_KNOWN, rejection(() -> pool.add(bumped)));
  }

  @Test
  void boundedSizeEvictsCheapestOrRefuses() {
    TransactionPool pool = pool(PoolOptions.DEFAULT.withMaxTransactions(2));
    pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 1, Bytes.EMPTY, 5));
    pool.add(TestChains.tx(TestChains.ALICE, 1, bob, 1, Bytes.EMPTY, 5));
    TransactionRejectedException e =
        assertThrows(TransactionRejectedException.class, () -> pool.add(TestChains.tx(TestChains.BOB, 0, bob, 1, Bytes.EMPTY, 5)));
    assertEquals(POOL_FULL, e.reason());
    assertTrue(e.getMessage().startsWith("transaction pool is full"));
    pool.add(TestChains.tx(TestChains.BOB, 0, bob, 1, Bytes.EMPTY, 9));
    assertEquals(2, pool.size());
    assertEquals(1, pool.pendingNonce(TestChains.ALICE.address(), 0), "Alice's tail (nonce 1) was evicted");
  }

  @Test
  void futureWindowCountsFromTheEndOfThePendingRun() {
    TransactionPool pool = pool(PoolOptions.DEFAULT);
    int window = PoolOptions.DEFAULT.maxFutureNonces();
    for (int n = 0; n < window + 10; n++) {
      pool.add(TestChains.tx(TestChains.ALICE, n, bob, 1, Bytes.EMPTY)); // consecutive: executable
    }
    long runEnd = pool.pendingNonce(TestChains.ALICE.address(), 0);
    assertEquals(window + 10, runEnd);
    pool.add(TestChains.tx(TestChains.ALICE, runEnd + window - 1, bob, 1, Bytes.EMPTY));
    assertEquals(NONCE_TOO_FAR, rejection(() -> pool.add(TestChains.tx(TestChains.ALICE, runEnd + window, bob, 1, Bytes.EMPTY))));
  }

  @Test
  void specificRejections() {
    TransactionPool pool = pool(PoolOptions.DEFAULT.withMinGasPrice(BigInteger.valueOf(100)));
    assertEquals(UNDERPRICED, rejection(() -> pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 1, Bytes.EMPTY, 5))));
    TransactionPool open = pool(PoolOptions.DEFAULT);
    assertEquals(NONCE_TOO_FAR, rejection(() -> open.add(TestChains.tx(TestChains.ALICE, 500, bob, 1, Bytes.EMPTY))));
    KeyPair poor = KeyPair.of(PrivateKey.of(Bytes32.fromHexString("0x" + "0c".repeat(32))));
    assertEquals(INSUFFICIENT_FUNDS, rejection(() -> open.add(TestChains.tx(poor, 0, bob, 1, Bytes.EMPTY))));
    Eip1559Transaction otherChain = TransactionSigner.sign(
        new Eip1559Transaction(99, 0, UInt256.ONE, UInt256.valueOf(2), 30_000, Optional.of(bob), UInt256.ONE,
            Bytes.EMPTY, List.of(), TransactionSigner.UNSIGNED), TestChains.ALICE.privateKey());
    assertEquals(WRONG_CHAIN_ID, rejection(() -> open.add(otherChain)));
    Eip1559Transaction lowGas = TransactionSigner.sign(
        new Eip1559Transaction(TestChains.CHAIN_ID, 0, UInt256.ONE, UInt256.valueOf(2), 20_000, Optional.of(bob),
            UInt256.ONE, Bytes.EMPTY, List.of(), TransactionSigner.UNSIGNED), TestChains.ALICE.privateKey());
    assertEquals(INTRINSIC_GAS, rejection(() -> open.add(lowGas)));
    assertEquals(OVERSIZED, rejection(() -> open.addRaw(Bytes.wrap(new byte[200_000]))));
    assertEquals(MALFORMED, rejection(() -> open.addRaw(Bytes.fromHexString("0x02c0"))));
    TransactionPool closed = new TransactionPool(ledger, PoolOptions.DEFAULT, sender -> false);
    assertEquals(NOT_PERMITTED, rejection(() -> closed.add(TestChains.tx(TestChains.ALICE, 0, bob, 1, Bytes.EMPTY))));
    assertEquals(0, open.size() + closed.size());
  }

  @Test
  void registryPermissionAdmitsOnlyActiveParticipants() {
    RegistrySenderPermission permission = new RegistrySenderPermission(ledger, TestChains.ALICE_ONLY_REGISTRY);
    assertTrue(permission.isPermitted(TestChains.ALICE.address()));
    TransactionPool pool = new TransactionPool(ledger, PoolOptions.DEFAULT, permission);
    pool.add(TestChains.tx(TestChains.ALICE, 0, bob, 1, Bytes.EMPTY));
    TransactionRejectedException e = assertThrows(TransactionRejectedException.class,
        () -> pool.add(TestChains.tx(TestChains.BOB, 0, bob, 1, Bytes.EMPTY)));
    assertEquals(NOT_PERMITTED, e.reason());
    assertTrue(e.getMessage().contains(TestChains.BOB.address().toChecksumString()), e.getMessage());
    assertEquals(1, pool.size());
  }

  /**
   * {@code isActive(address)} returns storage slot {@code address}; a 64-byte call sets slot
   * word0 to word1, standing in for onboarding and suspension.
   */
  private static final Bytes SWITCHABLE_REGISTRY_INIT = Bytes.fromHexString(
      "0x601c600c600039601c6000f3" + "366040146013576004355460005260206000f35b6020356000355500");

  @Test
  void registryAnswersAreKeptPerHeadAndFollowEachNewBlock() {
    long ts = ledger.chain().head().header().timestamp();
    var deploy = TestChains.tx(TestChains.ALICE, 0, null, 0, SWITCHABLE_REGISTRY_INIT);
    commit(ts + 1, deploy);
    org.drr.node.types.Address registry = org.drr.node.types.Address.contractAddress(TestChains.ALICE.address(), 0);
    RegistrySenderPermission permission = new RegistrySenderPermission(ledger, registry);
    assertFalse(permission.isPermitted(TestChains.BOB.address()));
    assertFalse(permission.isPermitted(TestChains.BOB.address()), "the same answer on the same head");
    Bytes bobWord = TestChains.BOB.address().toWord();
    commit(ts + 2, TestChains.tx(TestChains.ALICE, 1, registry, 0,
        Bytes.concatenate(bobWord, Bytes32.leftPad(Bytes.of(1)))));
    assertTrue(permission.isPermitted(TestChains.BOB.address()), "onboarded in the new head");
    commit(ts + 3, TestChains.tx(TestChains.ALICE, 2, registry, 0, Bytes.concatenate(bobWord, Bytes32.ZERO)));
    assertFalse(permission.isPermitted(TestChains.BOB.address()), "suspended in the new head");
  }

  private void commit(long timestamp, Eip1559Transaction tx) {
    var built = ledger.build(timestamp, TestChains.VALIDATOR.address(), TestChains.extraData(),
        List.of(TestChains.pending(tx, 0)));
    assertEquals(1, built.block().transactions().size(), built.rejected().toString());
    ledger.commit(built, built.block().header());
  }

  @Test
  void registryPermissionDeniesWhenNoRegistryIsDeployed() {
    RegistrySenderPermission p =
        new RegistrySenderPermission(ledger, org.drr.node.types.Address.fromHexString("0x00000000000000000000000000000000000000cc"));
    // the counter contract at 0xcc returns nothing: deny rather than allow
    assertEquals(false, p.isPermitted(TestChains.ALICE.address()));
  }
}
