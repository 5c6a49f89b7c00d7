package org.drr.node.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.storage.CodeStorage;
import org.drr.node.storage.KeyValueStorage;
import org.drr.node.storage.StorageTransaction;
import org.drr.node.storage.TrieNodeStorage;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.trie.NodeBatch;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;

/**
 * Persists the world state. The head state lives in memory (a {@link WorldState}); for each
 * block, a {@link StateDiff} (or {@link #changesSince}, in one go) turns what the block changed
 * into the new state root plus every write it implies — trie nodes (so any historical root stays
 * readable for proofs and historical queries), code, and the flat {@code address → account} and
 * {@code address ‖ slot → value} entries the node reloads at start-up. The chain calls {@link
 * #markCommitted} once the block is accepted, stages its code ({@link #stageCode}) with the block,
 * calls {@link #markVisible} once the block is written, stages the rest ({@link #stage}) in the
 * state write after it and calls {@link #cacheWritten} once that landed, or {@link
 * #forgetUnwritten} if a write failed.
 *
 * <p>The block producer is the only writer, and the only user of the committed-account records;
 * {@link #stateAt} and {@link #account} read storage, {@link #committedBalance} reads memory, and
 * all three may be called from any thread.
 */
public final class StateStore {
  private final KeyValueStorage storage;
  private final TrieNodeStorage nodes;
  private final CodeStorage code;
  private final Map<Address, Committed> committed = new HashMap<>();
  /**
   * Nonce and balance of every account as of the last write that landed, so that admitting a
   * transaction (once per submission, on an RPC thread) reads no storage. Replaced whole by {@link
   * #load}, so a reader never sees it half filled; updated by {@link #markVisible}.
   */
  private volatile Map<Address, CommittedBalance> landedBalances = new ConcurrentHashMap<>();

  /** What was last committed for one account (its slots live only in the state and on disk). */
  record Committed(long nonce, BigInteger balance, Bytes32 codeHash, Bytes32 storageRoot) {}

  public StateStore(KeyValueStorage storage) {
    this.storage = storage;
    this.nodes = new TrieNodeStorage(storage);
    this.code = new CodeStorage(storage);
  }

  public TrieNodeStorage nodes() {
    return nodes;
  }

  public CodeStorage code() {
    return code;
  }

  /** Reads the whole committed head state from the flat columns into a new world state. */
  public WorldState load() {
    Map<Address, Map<Word256, Word256>> slots = new HashMap<>();
    storage.scan(
        ChainColumns.FLAT_STORAGE,
        new byte[0],
        (key, value) -> {
          Address a = Address.wrap(Bytes.wrap(Arrays.copyOfRange(key, 0, Address.SIZE)));
          slots
              .computeIfAbsent(a, k -> new HashMap<>())
              .put(
                  Word256.fromBytes(Arrays.copyOfRange(key, Address.SIZE, Address.SIZE + 32)),
                  Word256.fromBytes(Bytes32.leftPad(Bytes.wrap(value)).toArrayUnsafe()));
          return true;
        });
    WorldState state = new WorldState();
    committed.clear();
    Map<Address, CommittedBalance> balances = new ConcurrentHashMap<>();
    storage.scan(
        ChainColumns.FLAT_ACCOUNTS,
        new byte[0],
        (key, value) -> {
          Address a = Address.wrap(Bytes.wrap(key.clone()));
          RlpReader r = RlpReader.of(value).readList();
          long nonce = r.readUnsignedLong();
          BigInteger balance = r.readBigInteger();
          Bytes32 codeHash = r.readBytes32();
          Bytes32 storageRoot = r.readBytes32();
          Bytes codeBytes =
              code.get(codeHash)
                  .orElseThrow(
                      () -> new IllegalStateException("code " + codeHash + " of " + a + " is missing"));
          state.putCommitted(a, nonce, balance, codeBytes.toArray(), slots.getOrDefault(a, Map.of()));
          committed.put(a, new Committed(nonce, balance, codeHash, storageRoot));
          balances.put(a, new CommittedBalance(nonce, balance));
          return true;
        });
    landedBalances = balances;
    state.markPersisted(); // what was just read is what is on disk
    return state;
  }

  /** Writes implied by a block, computed by {@link #changesSince}. */
  public static final class Changes {
    final WorldState state;
    final NodeBatch nodes = new NodeBatch();
    final List<Bytes> codes = new ArrayList<>();
    final Map<Address, Committed> accounts = new HashMap<>();
    /** Accounts whose stored slots all go (deleted, or re-created with empty storage). */
    final List<Address> wiped = new ArrayList<>();
    final List<Address> deleted = new ArrayList<>();
    final Map<Address, Map<Word256, Word256>> slotWrites = new HashMap<>();
    Bytes32 root;

    Changes(WorldState state) {
      this.state = state;
    }

    public Bytes32 stateRoot() {
      return root;
    }

    public int changedAccounts() {
      return accounts.size() + deleted.size();
    }
  }

  /**
   * Computes the state root of {@code state} and the writes that take the committed state (whose
   * root is {@code committedRoot}) there, in one go; see {@link StateDiff} for the incremental
   * form. Nothing is written and nothing is marked committed.
   */
  public Changes changesSince(WorldState state, Bytes32 committedRoot) {
    return new StateDiff(this, state, committedRoot).finish();
  }

  /** What was last committed for {@code address}, or null if it has no account. */
  Committed committed(Address address) {
    return committed.get(address);
  }

  /** Stages the contract code {@code changes} created into {@code tx}. */
  public void stageCode(Changes changes, StorageTransaction tx) {
    for (Bytes c : changes.codes) {
      code.stage(c, tx);
    }
  }

  /**
   * Stages every write of {@code changes} but their code ({@link #stageCode}) into {@code tx}:
   * trie nodes and the flat accounts and slots, which must then hold the state before them.
   */
  public void stage(Changes changes, StorageTransaction tx) {
    nodes.stage(changes.nodes, tx);
    // Wipes first: a re-created account's new slots below must survive them.
    for (Address a : changes.wiped) {
      storage.scan(ChainColumns.FLAT_STORAGE, a.bytes().toArray(), (key, value) -> {
        tx.delete(ChainColumns.FLAT_STORAGE, key);
        return true;
      });
    }
    for (Address a : changes.deleted) {
      tx.delete(ChainColumns.FLAT_ACCOUNTS, a.bytes().toArray());
    }
    for (Map.Entry<Address, Committed> e : changes.accounts.entrySet()) {
      Committed c = e.getValue();
      RlpWriter w = new RlpWriter(120);
      w.startList()
          .writeUnsignedLong(c.nonce)
          .writeBigInteger(c.balance)
          .writeBytes(c.codeHash)
          .writeBytes(c.storageRoot)
          .endList();
      tx.put(ChainColumns.FLAT_ACCOUNTS, e.getKey().bytes().toArray(), w.toByteArray());
      for (Map.Entry<Word256, Word256> s : changes.slotWrites.get(e.getKey()).entrySet()) {
        byte[] key = slotKey(e.getKey(), s.getKey());
        if (s.getValue().isZero()) {
          tx.delete(ChainColumns.FLAT_STORAGE, key);
        } else {
          tx.put(
              ChainColumns.FLAT_STORAGE,
              key,
              Bytes.wrap(s.getValue().toBytes()).trimLeadingZeros().toArray());
        }
      }
    }
  }

  /**
   * Records that {@code changes} are the chain's new state, as soon as their block is accepted
   * and before its write lands: later diffs start from them, their trie nodes stay readable from
   * memory until {@link #cacheWritten} (their write landed) or {@link #forgetUnwritten} (a write
   * failed), and the state they were computed from forgets what it reported as changed.
   */
  public void markCommitted(Changes changes) {
    committed.putAll(changes.accounts);
    for (Address a : changes.deleted) {
      committed.remove(a);
    }
    nodes.holdUnwritten(changes.nodes);
    changes.state.markPersisted();
  }

  /**
   * Records that the block of {@code changes} was written and is about to become the head: the
   * nonces and balances admission reads move to it.
   */
  public void markVisible(Changes changes) {
    // in the order stage() writes them: deletions first
    for (Address a : changes.deleted) {
      landedBalances.remove(a);
    }
    changes.accounts.forEach(
        (a, c) -> landedBalances.put(a, new CommittedBalance(c.nonce(), c.balance())));
  }

  /**
   * Forgets the held trie nodes of {@code changes} after a write of their block failed; {@link
   * #load} must run next.
   */
  public void forgetUnwritten(Changes changes) {
    nodes.releaseUnwritten(changes.nodes, false);
  }

  /**
   * Moves the trie nodes of a state write that landed from memory's held set into the node
   * cache. Caching a large block's 30,000-40,000 nodes takes 50-130 ms, which clients waiting to
   * see the block need not wait for: it runs after the block is visible.
   */
  public void cacheWritten(Changes changes) {
    nodes.releaseUnwritten(changes.nodes, true);
  }

  /** An account's nonce and balance as of the last committed block. */
  public record CommittedBalance(long nonce, BigInteger balance) {
    static final CommittedBalance ABSENT = new CommittedBalance(0, BigInteger.ZERO);
  }

  /**
   * The nonce and balance of {@code address} as of the last block whose write landed, kept in
   * memory. Needs no lock; it changes only between a block's write landing and the block
   * becoming the head, never while a block is built or half-written.
   */
  public CommittedBalance committedBalance(Address address) {
    return landedBalances.getOrDefault(address, CommittedBalance.ABSENT);
  }

  /** The account at {@code stateRoot}, or null: reads historical state through the trie. */
  public Account account(Bytes32 stateRoot, Address address) {
    return new SecureMerklePatriciaTrie(nodes, stateRoot)
        .get(address.bytes())
        .map(Account::decode)
        .orElse(null);
  }

  /** A storage slot of the account with {@code storageRoot}, zero if absent. */
  public Bytes32 storageAt(Bytes32 storageRoot, Bytes32 slot) {
    if (storageRoot.equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      return Bytes32.ZERO;
    }
    return new SecureMerklePatriciaTrie(nodes, storageRoot)
        .get(slot)
        .map(v -> Bytes32.leftPad(RlpReader.of(v).readBytes()))
        .orElse(Bytes32.ZERO);
  }

  /**
   * The world state at {@code stateRoot}, read lazily from the trie: accounts and slots load on
   * first use, so a call or a trace costs what it touches. Roots are immutable, so this view is
   * consistent however many blocks commit while it is in use; nothing needs a lock. Changes made
   * to it stay in memory.
   */
  public WorldState stateAt(Bytes32 stateRoot) {
    return new WorldState(nodes, codeHash -> code.get(codeHash).map(Bytes::toArrayUnsafe), stateRoot);
  }

  private static byte[] slotKey(Address a, Word256 slot) {
    byte[] key = new byte[Address.SIZE + 32];
    System.arraycopy(a.bytes().toArrayUnsafe(), 0, key, 0, Address.SIZE);
    System.arraycopy(slot.toBytes(), 0, key, Address.SIZE, 32);
    return key;
  }
}
