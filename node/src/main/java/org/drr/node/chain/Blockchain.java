package org.drr.node.chain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.storage.KeyValueStorage;
import org.drr.node.storage.LruCache;
import org.drr.node.storage.StorageTransaction;
import org.drr.node.types.Log;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canonical chain in RocksDB: headers, bodies, receipts, the number and transaction indexes,
 * the log-topic index and the head pointer, and the state writes of each block.
 *
 * <p>A block is committed in two synced write batches. The first holds the block itself — header,
 * body, receipts, indexes, new contract code — and the head pointer; once it lands, the block is
 * the {@link #head}, visible to readers and listeners, and no crash can take it back. The second
 * holds its state writes (trie nodes, flat accounts and slots) and the state pointer ({@link
 * #stateHead}). Until that lands, the block's trie nodes are held in memory, so its state reads the
 * same either side of it. A crash between the two leaves the state one block behind the head,
 * which the ledger re-executes on opening ({@link Ledger#open}); the state is derived from the
 * blocks, the blocks are the record. Splitting the write this way lets clients see a block without
 * waiting for its state's tens of thousands of trie nodes to be inserted and synced.
 *
 * <p>A block is written in the background ({@link #appendInBackground}) so that its producer can
 * execute the next block meanwhile: the block becomes the {@link #tip} at once, which the next
 * block builds on. At most one block is being written at a time. If its block write fails, the
 * blocks after the head are forgotten ({@link #settle}) and the producer rebuilds from the head;
 * if its state write fails, the ledger re-executes it from the written state.
 *
 * <p>Reads are thread-safe. Appending, {@link #settle} and {@link #close} have one caller at a
 * time (the block producer or importer, under the ledger's state lock, or the node shutting down
 * after it stopped). None of them holds a lock while waiting for a write, so a listener may read
 * anything here (appending from a listener would wait for its own write).
 */
public final class Blockchain {
  private static final Logger LOG = LoggerFactory.getLogger(Blockchain.class);
  private static final byte[] HEAD_KEY = "head".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /**
   * The block whose state writes landed last. Databases written before blocks were committed in
   * two writes have none: their state is always at the head.
   */
  private static final byte[] STATE_KEY = "state".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final KeyValueStorage storage;
  private final BlockHashing hashing;
  private final StateStore stateStore;
  private final List<Consumer<StoredBlock>> listeners = new CopyOnWriteArrayList<>();
  /**
   * Decoded recent blocks with their receipts. Clients poll receipts one transaction at a time,
   * and each poll would otherwise decode the whole block body and receipt list again.
   */
  private final LruCache<Bytes32, StoredBlock> recentBlocks = new LruCache<>(RECENT_BLOCKS);
  /** The last block written, as readers see the chain. */
  private volatile StoredBlock head;
  /** The last block accepted: the head, or the block being written on top of it. */
  private volatile StoredBlock tip;
  /** The background write of the tip, or a completed one. */
  private volatile CompletableFuture<StoredBlock> writing = CompletableFuture.completedFuture(null);
  /** Writes blocks in the background, in chain order; made with the first append. */
  private ExecutorService writer;

  private static final int RECENT_BLOCKS = 64;

  private Blockchain(KeyValueStorage storage, BlockHashing hashing, StateStore stateStore) {
    this.storage = storage;
    this.hashing = hashing;
    this.stateStore = stateStore;
  }

  /**
   * Opens the chain in {@code storage}: resumes from the stored head, or writes {@code genesis}
   * (with the state {@code genesisChanges} describe) as block 0 if the database is empty.
   *
   * @throws IllegalStateException if the database holds a different genesis block
   */
  public static Blockchain open(
      KeyValueStorage storage, BlockHashing hashing, StateStore stateStore, Block genesis,
      StateStore.Changes genesisChanges) {
    Blockchain chain = new Blockchain(storage, hashing, stateStore);
    Bytes32 genesisHash = hashing.hash(genesis.header());
    Optional<byte[]> headHash = storage.get(ChainColumns.META, HEAD_KEY);
    if (headHash.isEmpty()) {
      chain.writeGenesis(new StoredBlock(genesisHash, genesis, List.of()), genesisChanges);
    } else {
      Bytes32 stored = chain.canonicalHash(0).orElseThrow();
      if (!stored.equals(genesisHash)) {
        throw new IllegalStateException(
            "database holds genesis " + stored + " but the genesis file gives " + genesisHash
                + "; use a fresh --data-path for a different chain");
      }
      Bytes32 h = Bytes32.wrap(headHash.get());
      chain.head = chain.block(h).orElseThrow(() -> new IllegalStateException("head block " + h + " missing"));
      chain.tip = chain.head;
    }
    return chain;
  }

  public BlockHashing hashing() {
    return hashing;
  }

  public StateStore stateStore() {
    return stateStore;
  }

  /** The last block whose write landed: what readers see. */
  public StoredBlock head() {
    return head;
  }

  /**
   * The number of the last block whose state writes landed: the state the flat columns hold. The
   * head or, after a crash or a failed state write, the block before it.
   */
  public long stateHead() {
    return storage.get(ChainColumns.META, STATE_KEY)
        .map(h -> header(Bytes32.wrap(h)).orElseThrow(
            () -> new IllegalStateException("state pointer names a missing block " + Bytes32.wrap(h))).number())
        .orElse(head.number());
  }

  /** The block the next one extends: the head, or a block still being written on top of it. */
  public StoredBlock tip() {
    return tip;
  }

  /** Called after each appended block's write landed, on the writing thread, in chain order. */
  public void onBlockAdded(Consumer<StoredBlock> listener) {
    listeners.add(listener);
  }

  /**
   * Commits {@code block} with its receipts as the new head, durably, notifies listeners, then
   * writes its state {@code changes}; returns once all that is done.
   *
   * @throws IllegalArgumentException if the block does not extend the tip or its state root
   *     differs from {@code changes}
   * @throws org.drr.node.storage.StorageException if this or the previous block's write failed
   */
  public StoredBlock append(Block block, List<Receipt> receipts, StateStore.Changes changes) {
    return joinWrite(appendInBackground(block, receipts, changes));
  }

  /**
   * Accepts {@code block} as the new tip and writes it (as {@link #append}) in the background.
   * Waits first for the previous block's write, so a caller can be at most one block ahead of
   * storage. The returned future completes with the block once both its writes landed (the
   * listeners ran between them), or with the failure of either. If the block's write failed, the
   * block and the state after it are forgotten; if only its state write did, the block stays the
   * head. Either way {@link #settle} and a reload of the state must run before the next append
   * (the ledger does both, re-executing the head if its state is missing).
   *
   * @throws IllegalArgumentException if the block does not extend the tip or its state root
   *     differs from {@code changes}; nothing changed
   * @throws org.drr.node.storage.StorageException if the previous block's write failed
   */
  public CompletableFuture<StoredBlock> appendInBackground(
      Block block, List<Receipt> receipts, StateStore.Changes changes) {
    awaitWrite();
    BlockHeader header = block.header();
    Bytes32 hash = hashing.hash(header);
    if (tip != null) {
      if (header.number() != tip.number() + 1 || !header.parentHash().equals(tip.hash())) {
        throw new IllegalArgumentException(
            "block " + header.number() + " (parent " + header.parentHash() + ") does not extend "
                + tip.number() + " " + tip.hash());
      }
    }
    if (!header.stateRoot().equals(changes.stateRoot())) {
      throw new IllegalArgumentException(
          "block " + header.number() + " state root " + header.stateRoot()
              + " differs from the executed state " + changes.stateRoot());
    }
    StoredBlock stored = new StoredBlock(hash, block, List.copyOf(receipts));
    stateStore.markCommitted(changes);
    tip = stored;
    if (writer == null) {
      // one thread at most, so writes land in order; it ends when idle (tests open many chains)
      writer = new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "block-writer");
        t.setDaemon(true);
        return t;
      });
    }
    writing = CompletableFuture.supplyAsync(() -> write(stored, changes), writer);
    return writing;
  }

  /** Waits for the block being written, if any, and rethrows its failure. */
  private void awaitWrite() {
    joinWrite(writing);
  }

  /** Waits for a background write; its failure is rethrown as itself, not wrapped. */
  static StoredBlock joinWrite(CompletableFuture<StoredBlock> write) {
    try {
      return write.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * Waits for the block being written, if any. If a write failed, the tip goes back to the head
   * (the block itself if only its state write failed), and the caller must reload the state.
   */
  public void settle() {
    try {
      writing.join();
    } catch (CompletionException failed) {
      writing = CompletableFuture.completedFuture(head);
      tip = head;
    }
  }

  /** Whether the last background write failed and {@link #settle} has not run since. */
  public boolean lastWriteFailed() {
    return writing.isCompletedExceptionally();
  }

  /**
   * Lets the block being written land, then stops the writing thread once whatever its write
   * completion triggered (listeners, callbacks on the returned future) has run.
   */
  public void close() {
    settle();
    if (writer != null) {
      writer.shutdown();
      try {
        writer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writer = null;
    }
  }

  /**
   * Writes an accepted block on the writing thread: the block and the head pointer, then (with
   * the block visible and its listeners told) its state.
   */
  private StoredBlock write(StoredBlock stored, StateStore.Changes changes) {
    commit(changes, tx -> {
      stageBlock(stored, changes, tx);
      tx.put(ChainColumns.META, HEAD_KEY, stored.hash().toArrayUnsafe());
    });
    stateStore.markVisible(changes);
    recentBlocks.put(stored.hash(), stored);
    head = stored;
    for (Consumer<StoredBlock> l : listeners) {
      try {
        l.accept(stored);
      } catch (RuntimeException e) {
        // the block is written whatever a listener does; the next listener still hears of it
        LOG.error("block #{} listener failed", stored.number(), e);
      }
    }
    writeState(stored, changes);
    return stored;
  }

  /** Block 0 and its state in one write, so a fresh database never has a head without state. */
  private void writeGenesis(StoredBlock genesis, StateStore.Changes changes) {
    stateStore.markCommitted(changes);
    commit(changes, tx -> {
      stageBlock(genesis, changes, tx);
      stateStore.stage(changes, tx);
      tx.put(ChainColumns.META, HEAD_KEY, genesis.hash().toArrayUnsafe());
      tx.put(ChainColumns.META, STATE_KEY, genesis.hash().toArrayUnsafe());
    });
    stateStore.markVisible(changes);
    stateStore.cacheWritten(changes);
    head = genesis;
    tip = genesis;
  }

  /**
   * Writes the state of {@code stored}, the head, whose block is written: the second write of
   * {@link #write}, and how {@link Ledger} completes a block whose state was not written.
   */
  private void writeState(StoredBlock stored, StateStore.Changes changes) {
    commit(changes, tx -> {
      stateStore.stage(changes, tx);
      tx.put(ChainColumns.META, STATE_KEY, stored.hash().toArrayUnsafe());
    });
    stateStore.cacheWritten(changes);
  }

  /**
   * Writes the state of the head block {@code stored}, re-executed by the ledger because its own
   * state write never landed (the node stopped, or the write failed, between the two writes).
   */
  void restoreState(StoredBlock stored, StateStore.Changes changes) {
    stateStore.markCommitted(changes);
    writeState(stored, changes);
    stateStore.markVisible(changes);
  }

  /**
   * Stages writes into a transaction and commits it; if that fails, the trie nodes of {@code
   * changes} stop being held (the state must then be reloaded) and the failure is rethrown.
   */
  private void commit(StateStore.Changes changes, Consumer<StorageTransaction> staging) {
    boolean landed = false;
    try (StorageTransaction tx = storage.startTransaction()) {
      staging.accept(tx);
      tx.commit();
      landed = true;
    } finally {
      if (!landed) {
        stateStore.forgetUnwritten(changes);
      }
    }
  }

  /** The block's own rows: header, body, receipts, indexes, and the code it deployed. */
  private void stageBlock(StoredBlock stored, StateStore.Changes changes, StorageTransaction tx) {
    BlockHeader header = stored.header();
    byte[] key = stored.hash().toArray();
    List<Receipt> receipts = stored.receipts();
    tx.put(ChainColumns.HEADERS, key, header.encode().toArrayUnsafe());
    tx.put(ChainColumns.BODIES, key, stored.block().encodeBody().toArrayUnsafe());
    tx.put(ChainColumns.RECEIPTS, key, encodeReceipts(receipts));
    tx.put(ChainColumns.CANONICAL, numberKey(header.number()), key);
    List<Transaction> txs = stored.block().transactions();
    for (int i = 0; i < txs.size(); i++) {
      ByteBuffer loc = ByteBuffer.allocate(36).put(key).putInt(i);
      tx.put(ChainColumns.TX_LOCATIONS, txs.get(i).hash().toArray(), loc.array());
      List<Log> logs = receipts.get(i).logs();
      for (int l = 0; l < logs.size(); l++) {
        List<Bytes32> topics = logs.get(l).topics();
        for (int t = 0; t < topics.size(); t++) {
          ByteBuffer k = ByteBuffer.allocate(32 + 8 + 4 + 4 + 1);
          k.put(topics.get(t).toArrayUnsafe()).putLong(header.number()).putInt(i).putInt(l).put((byte) t);
          tx.put(ChainColumns.LOG_TOPICS, k.array(), logs.get(l).address().bytes().toArray());
        }
      }
    }
    // Code is read by hash, not through the trie nodes held in memory: it must land with the
    // block, for a call on the block's state before its state write lands.
    stateStore.stageCode(changes, tx);
  }

  /**
   * {@link #canonicalHash} on the tip's chain, which also has the block still being written (for
   * BLOCKHASH while executing the block after it).
   */
  public Optional<Bytes32> canonicalHashOnTip(long number) {
    StoredBlock t = tip;
    return t != null && t.number() == number ? Optional.of(t.hash()) : canonicalHash(number);
  }

  public Optional<Bytes32> canonicalHash(long number) {
    return storage.get(ChainColumns.CANONICAL, numberKey(number)).map(Bytes32::wrap);
  }

  public Optional<BlockHeader> header(Bytes32 hash) {
    return storage.get(ChainColumns.HEADERS, hash.toArrayUnsafe()).map(b -> BlockHeader.decode(Bytes.wrap(b)));
  }

  public Optional<BlockHeader> header(long number) {
    return canonicalHash(number).flatMap(this::header);
  }

  public Optional<StoredBlock> block(Bytes32 hash) {
    StoredBlock recent = recentBlocks.get(hash);
    if (recent != null) {
      return Optional.of(recent);
    }
    Optional<BlockHeader> header = header(hash);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    List<Transaction> txs =
        Block.decodeBody(Bytes.wrap(storage.get(ChainColumns.BODIES, hash.toArrayUnsafe()).orElseThrow()));
    StoredBlock stored = new StoredBlock(hash, new Block(header.get(), txs), storedReceipts(hash));
    recentBlocks.put(hash, stored);
    return Optional.of(stored);
  }

  public Optional<StoredBlock> block(long number) {
    return canonicalHash(number).flatMap(this::block);
  }

  public List<Receipt> receipts(Bytes32 blockHash) {
    StoredBlock recent = recentBlocks.get(blockHash);
    return recent != null ? recent.receipts() : storedReceipts(blockHash);
  }

  private List<Receipt> storedReceipts(Bytes32 blockHash) {
    return storage
        .get(ChainColumns.RECEIPTS, blockHash.toArrayUnsafe())
        .map(Blockchain::decodeReceipts)
        .orElse(List.of());
  }

  public Optional<TransactionLocation> transactionLocation(Bytes32 txHash) {
    return storage
        .get(ChainColumns.TX_LOCATIONS, txHash.toArrayUnsafe())
        .map(
            b -> {
              ByteBuffer buf = ByteBuffer.wrap(b);
              byte[] h = new byte[32];
              buf.get(h);
              int index = buf.getInt();
              Bytes32 blockHash = Bytes32.wrap(h);
              long number = header(blockHash).orElseThrow().number();
              return new TransactionLocation(blockHash, number, index);
            });
  }

  /**
   * The logs carrying {@code topic} at any topic position in blocks {@code from..to}, in chain
   * order — one prefix scan of the log-topic index.
   */
  public List<LogPointer> logsWithTopic(Bytes32 topic, long from, long to) {
    List<LogPointer> result = new ArrayList<>();
    byte[] prefix = topic.toArray();
    storage.scan(
        ChainColumns.LOG_TOPICS,
        prefix,
        (k, v) -> {
          ByteBuffer buf = ByteBuffer.wrap(k, 32, k.length - 32);
          long number = buf.getLong();
          if (number > to) {
            return false;
          }
          if (number >= from) {
            result.add(new LogPointer(number, buf.getInt(), buf.getInt(), buf.get()));
          }
          return true;
        });
    return result;
  }

  private static byte[] numberKey(long number) {
    return ByteBuffer.allocate(8).putLong(number).array();
  }

  private static byte[] encodeReceipts(List<Receipt> receipts) {
    RlpWriter w = new RlpWriter(256 * receipts.size() + 8);
    w.startList();
    for (Receipt r : receipts) {
      w.writeBytes(r.encode());
    }
    w.endList();
    return w.toByteArray();
  }

  private static List<Receipt> decodeReceipts(byte[] encoded) {
    RlpReader list = RlpReader.of(encoded).readList();
    List<Receipt> result = new ArrayList<>();
    while (list.hasNext()) {
      result.add(Receipt.decode(list.readBytes()));
    }
    return result;
  }
}
