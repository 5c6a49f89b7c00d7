package org.drr.node.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.state.AccountState;
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
 * Persists the world state. The head state lives in memory (a {@link WorldState}); after each
 * block, {@link #changesSince} compares it with the last committed state and produces the new
 * state root plus every write it implies — trie nodes (so any historical root stays readable
 * for proofs and historical queries), code, and the flat {@code address → account} and {@code
 * address ‖ slot → value} entries the node reloads at start-up. The caller stages those writes in
 * the block's transaction and calls {@link #markCommitted} once it has committed.
 *
 * <p>Not thread-safe: the block producer is its only writer.
 */
public final class StateStore {
  private final KeyValueStorage storage;
  private final TrieNodeStorage nodes;
  private final CodeStorage code;
  private final Map<Address, Committed> committed = new HashMap<>();

  /** What was last committed for one account. */
  private record Committed(
      long nonce, BigInteger balance, Bytes32 codeHash, Bytes32 storageRoot, Map<Word256, Word256> slots) {}

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
          Map<Word256, Word256> s = slots.getOrDefault(a, Map.of());
          state.putCommitted(a, nonce, balance, codeBytes.toArray(), s);
          committed.put(a, new Committed(nonce, balance, codeHash, storageRoot, new HashMap<>(s)));
          return true;
        });
    return state;
  }

  /** Writes implied by a block, computed by {@link #changesSince}. */
  public static final class Changes {
    private final Bytes32 stateRoot;
    private final NodeBatch nodes = new NodeBatch();
    private final List<Bytes> codes = new ArrayList<>();
    private final Map<Address, Committed> accounts = new HashMap<>();
    private final List<Address> deleted = new ArrayList<>();
    private final Map<Address, Map<Word256, Word256>> slotWrites = new HashMap<>();
    private Bytes32 root;

    private Changes(Bytes32 stateRoot) {
      this.stateRoot = stateRoot;
    }

    public Bytes32 stateRoot() {
      return root != null ? root : stateRoot;
    }

    public int changedAccounts() {
      return accounts.size() + deleted.size();
    }
  }

  /**
   * Computes the state root of {@code state} and the writes that take the committed state (whose
   * root is {@code committedRoot}) there. Nothing is written and nothing is marked committed.
   */
  public Changes changesSince(WorldState state, Bytes32 committedRoot) {
    Changes changes = new Changes(committedRoot);
    SecureMerklePatriciaTrie accountTrie = new SecureMerklePatriciaTrie(nodes, committedRoot);
    for (Map.Entry<Address, AccountState> e : state.accounts().entrySet()) {
      Address address = e.getKey();
      AccountState now = e.getValue();
      Committed before = committed.get(address);
      Bytes32 codeHash = Bytes32.wrap(now.codeHash());
      Map<Word256, Word256> slots = now.storageView();
      boolean sameSlots = before != null && before.slots.equals(slots);
      if (before != null
          && sameSlots
          && before.nonce == now.nonce()
          && before.balance.equals(now.balance())
          && before.codeHash.equals(codeHash)) {
        continue;
      }
      Bytes32 storageRoot = before == null ? Account.EMPTY_STORAGE_ROOT : before.storageRoot;
      Map<Word256, Word256> writes = new HashMap<>();
      if (!sameSlots) {
        SecureMerklePatriciaTrie storageTrie = new SecureMerklePatriciaTrie(nodes, storageRoot);
        Map<Word256, Word256> old = before == null ? Map.of() : before.slots;
        for (Map.Entry<Word256, Word256> s : slots.entrySet()) {
          if (!s.getValue().equals(old.get(s.getKey()))) {
            writes.put(s.getKey(), s.getValue());
            storageTrie.put(Bytes.wrap(s.getKey().toBytes()), encodeSlot(s.getValue()));
          }
        }
        for (Word256 k : old.keySet()) {
          if (!slots.containsKey(k)) {
            writes.put(k, Word256.ZERO);
            storageTrie.delete(Bytes.wrap(k.toBytes()));
          }
        }
        storageRoot = storageTrie.commit(changes.nodes);
      }
      if (before == null || !before.codeHash.equals(codeHash)) {
        changes.codes.add(Bytes.wrap(now.code()));
      }
      Account account =
          new Account(now.nonce(), UInt256.valueOf(now.balance()), storageRoot, codeHash);
      accountTrie.put(address.bytes(), account.encode());
      changes.accounts.put(
          address,
          new Committed(now.nonce(), now.balance(), codeHash, storageRoot, new HashMap<>(slots)));
      changes.slotWrites.put(address, writes);
    }
    for (Map.Entry<Address, Committed> e : committed.entrySet()) {
      if (!state.exists(e.getKey())) {
        changes.deleted.add(e.getKey());
        accountTrie.delete(e.getKey().bytes());
      }
    }
    changes.root = accountTrie.commit(changes.nodes);
    return changes;
  }

  /** Stages every write of {@code changes} into {@code tx}. */
  public void stage(Changes changes, StorageTransaction tx) {
    nodes.stage(changes.nodes, tx);
    for (Bytes c : changes.codes) {
      code.stage(c, tx);
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
    for (Address a : changes.deleted) {
      tx.delete(ChainColumns.FLAT_ACCOUNTS, a.bytes().toArray());
      Map<Word256, Word256> old = committed.get(a).slots;
      for (Word256 k : old.keySet()) {
        tx.delete(ChainColumns.FLAT_STORAGE, slotKey(a, k));
      }
    }
  }

  /** Records that {@code changes} are durable: later diffs start from them. */
  public void markCommitted(Changes changes) {
    committed.putAll(changes.accounts);
    for (Address a : changes.deleted) {
      committed.remove(a);
    }
  }

  /** An account's nonce and balance as of the last committed block. */
  public record CommittedBalance(long nonce, BigInteger balance) {
    static final CommittedBalance ABSENT = new CommittedBalance(0, BigInteger.ZERO);
  }

  /**
   * The nonce and balance of {@code address} in the last committed state, read from the flat
   * account column. Needs no lock: each block's writes land in one atomic batch, so this sees
   * either the state before or after a block commit, never a block being built or half-written.
   */
  public CommittedBalance committedBalance(Address address) {
    return storage
        .get(ChainColumns.FLAT_ACCOUNTS, address.bytes().toArrayUnsafe())
        .map(
            v -> {
              RlpReader r = RlpReader.of(v).readList();
              return new CommittedBalance(r.readUnsignedLong(), r.readBigInteger());
            })
        .orElse(CommittedBalance.ABSENT);
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

  private static Bytes encodeSlot(Word256 value) {
    RlpWriter w = new RlpWriter(40);
    w.writeScalar(Bytes.wrap(value.toBytes()));
    return w.toBytes();
  }

  private static byte[] slotKey(Address a, Word256 slot) {
    byte[] key = new byte[Address.SIZE + 32];
    System.arraycopy(a.bytes().toArrayUnsafe(), 0, key, 0, Address.SIZE);
    System.arraycopy(slot.toBytes(), 0, key, Address.SIZE, 32);
    return key;
  }
}
