package org.drr.node.chain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * The canonical chain in RocksDB: headers, bodies, receipts, the number and transaction indexes,
 * the log-topic index and the head pointer, with the state writes of each block — all of one block
 * committed in a single atomic, synced write batch. A reader never sees a block without its
 * receipts, indexes or state; after a crash the chain is exactly the blocks whose {@link
 * #append} returned.
 *
 * <p>Reads are thread-safe. {@link #append} has a single caller (the block producer or importer).
 */
public final class Blockchain {
  private static final byte[] HEAD_KEY = "head".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final KeyValueStorage storage;
  private final BlockHashing hashing;
  private final StateStore stateStore;
  private final List<Consumer<StoredBlock>> listeners = new CopyOnWriteArrayList<>();
  /**
   * Decoded recent blocks with their receipts. Clients poll receipts one transaction at a time,
   * and each poll would otherwise decode the whole block body and receipt list again.
   */
  private final LruCache<Bytes32, StoredBlock> recentBlocks = new LruCache<>(RECENT_BLOCKS);
  private volatile StoredBlock head;

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
      chain.append(genesis, List.of(), genesisChanges);
    } else {
      Bytes32 stored = chain.canonicalHash(0).orElseThrow();
      if (!stored.equals(genesisHash)) {
        throw new IllegalStateException(
            "database holds genesis " + stored + " but the genesis file gives " + genesisHash
                + "; use a fresh --data-path for a different chain");
      }
      Bytes32 h = Bytes32.wrap(headHash.get());
      chain.head = chain.block(h).orElseThrow(() -> new IllegalStateException("head block " + h + " missing"));
    }
    return chain;
  }

  public BlockHashing hashing() {
    return hashing;
  }

  public StateStore stateStore() {
    return stateStore;
  }

  public StoredBlock head() {
    return head;
  }

  /** Called after each appended block, on the appending thread. */
  public void onBlockAdded(Consumer<StoredBlock> listener) {
    listeners.add(listener);
  }

  /**
   * Commits {@code block} with its receipts and the state writes {@code changes} as the new head,
   * atomically and durably, then notifies listeners.
   *
   * @throws IllegalArgumentException if the block does not extend the head or its state root
   *     differs from {@code changes}
   */
  public StoredBlock append(Block block, List<Receipt> receipts, StateStore.Changes changes) {
    BlockHeader header = block.header();
    Bytes32 hash = hashing.hash(header);
    if (head != null) {
      if (header.number() != head.number() + 1 || !header.parentHash().equals(head.hash())) {
        throw new IllegalArgumentException(
            "block " + header.number() + " (parent " + header.parentHash() + ") does not extend head "
                + head.number() + " " + head.hash());
      }
    }
    if (!header.stateRoot().equals(changes.stateRoot())) {
      throw new IllegalArgumentException(
          "block " + header.number() + " state root " + header.stateRoot()
              + " differs from the executed state " + changes.stateRoot());
    }
    byte[] key = hash.toArray();
    try (StorageTransaction tx = storage.startTransaction()) {
      tx.put(ChainColumns.HEADERS, key, header.encode().toArrayUnsafe());
      tx.put(ChainColumns.BODIES, key, block.encodeBody().toArrayUnsafe());
      tx.put(ChainColumns.RECEIPTS, key, encodeReceipts(receipts));
      tx.put(ChainColumns.CANONICAL, numberKey(header.number()), key);
      List<Transaction> txs = block.transactions();
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
      stateStore.stage(changes, tx);
      tx.put(ChainColumns.META, HEAD_KEY, key);
      tx.commit();
    }
    stateStore.markCommitted(changes);
    StoredBlock stored = new StoredBlock(hash, block, List.copyOf(receipts));
    recentBlocks.put(hash, stored);
    head = stored;
    for (Consumer<StoredBlock> l : listeners) {
      l.accept(stored);
    }
    return stored;
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
