package org.drr.node.chain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.state.AccountState;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.trie.NodeBatch;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;

/**
 * A block's state changes folded into the state tries while the block executes. Each {@link
 * #advance} applies what changed since the previous one (the state's checkpoint) and, at most
 * every {@value #HASH_INTERVAL_NANOS} ns, hashes the new trie nodes, writing nothing; trie nodes
 * cache their hashes, so {@link #finish}, when the block is due, hashes only the last changes
 * before collecting the writes of {@link StateStore.Changes}; a block that waits idle for its due
 * time has them collected before ({@link #collectAhead}). Only nodes reachable from the final root
 * are written.
 *
 * <p>Visits only what the state reports as changed, so the cost follows the block, not the size
 * of the state.
 */
final class StateDiff {
  private final StateStore store;
  private final WorldState state;
  private final SecureMerklePatriciaTrie accountTrie;
  /** Storage tries opened for accounts whose slots were written in this block. */
  private final Map<Address, OpenStorage> storage = new HashMap<>();
  /** Accounts changed since their leaf was last put into the account trie. */
  private final Set<Address> unput = new HashSet<>();
  private final long hashIntervalNanos;
  private long lastHashedNanos = System.nanoTime();
  /** Whether changes were applied to the tries since they were last hashed. */
  private boolean unhashed;
  /** The writes {@link #collectAhead} collected, until the state changes again. */
  private StateStore.Changes ahead;

  private static final long HASH_INTERVAL_NANOS = 100_000_000;

  /** One account's storage trie, for the account object it was built from. */
  private static final class OpenStorage {
    final AccountState owner;
    final SecureMerklePatriciaTrie trie;
    /** Value last put into the trie, per slot. */
    final Map<Word256, Word256> applied = new HashMap<>();

    OpenStorage(AccountState owner, SecureMerklePatriciaTrie trie) {
      this.owner = owner;
      this.trie = trie;
    }
  }

  StateDiff(StateStore store, WorldState state, Bytes32 committedRoot) {
    this(store, state, committedRoot, HASH_INTERVAL_NANOS);
  }

  /** With another hashing interval (0: hash on every advance), for tests. */
  StateDiff(StateStore store, WorldState state, Bytes32 committedRoot, long hashIntervalNanos) {
    this.hashIntervalNanos = hashIntervalNanos;
    this.store = store;
    this.state = state;
    this.accountTrie = new SecureMerklePatriciaTrie(store.nodes(), committedRoot);
  }

  /**
   * Applies the changes since the previous call (or the last persist) to the tries, and hashes
   * them unless the last hashing was under {@link #HASH_INTERVAL_NANOS} ago: the upper nodes of a
   * large storage trie change in every round, so hashing every round would hash them many times
   * over for one block.
   */
  void advance() {
    apply();
    unhashed = true;
    if (System.nanoTime() - lastHashedNanos >= hashIntervalNanos) {
      hash();
    }
  }

  /** Hashes whatever the tries hold unhashed now, whenever the last hashing was. */
  private void hashPending() {
    if (unhashed) {
      hash();
    }
  }

  private void hash() {
    putAccounts();
    accountTrie.rootHash();
    lastHashedNanos = System.nanoTime();
    unhashed = false;
  }

  /**
   * Puts the slots written since the state's checkpoint into the storage tries, and deletes the
   * accounts that went, without hashing; changed accounts wait in {@link #unput}.
   */
  private void apply() {
    if (!state.changedSinceCheckpoint().isEmpty()) {
      ahead = null; // collected before these changes
    }
    for (Address address : state.changedSinceCheckpoint()) {
      AccountState now = state.inMemory(address);
      if (now == null) {
        storage.remove(address);
        unput.remove(address);
        accountTrie.delete(address.bytes());
        continue;
      }
      applyStorage(address, now);
      unput.add(address);
    }
    state.checkpoint();
  }

  /** Puts the changed accounts' leaves, which hashes their storage tries for the roots. */
  private void putAccounts() {
    for (Address address : unput) {
      AccountState now = state.inMemory(address);
      StateStore.Committed before = store.committed(address);
      OpenStorage open = storage.get(address);
      Bytes32 storageRoot = open != null
          ? open.trie.rootHash()
          : before == null || now.replacesPersisted() ? Account.EMPTY_STORAGE_ROOT : before.storageRoot();
      Account account = new Account(
          now.nonce(), UInt256.valueOf(now.balance()), storageRoot, Bytes32.wrap(now.codeHash()));
      accountTrie.put(address.bytes(), account.encode());
    }
    unput.clear();
  }

  /** Puts the account's newly written slots into its storage trie. */
  private void applyStorage(Address address, AccountState now) {
    StateStore.Committed before = store.committed(address);
    boolean fresh = before == null || now.replacesPersisted();
    OpenStorage open = storage.get(address);
    Set<Word256> keys;
    if (open == null || open.owner != now) {
      // First writes in this block, or the account object was replaced (re-created, or restored
      // by a revert): rebuild from the storage this object starts from.
      keys = fresh ? now.storageView().keySet() : now.writtenSincePersisted().keySet();
      if (keys.isEmpty()) {
        storage.remove(address);
        return;
      }
      open = new OpenStorage(now, new SecureMerklePatriciaTrie(
          store.nodes(), fresh ? Account.EMPTY_STORAGE_ROOT : before.storageRoot()));
      storage.put(address, open);
    } else {
      keys = now.writtenSinceCheckpoint();
    }
    for (Word256 key : keys) {
      Word256 value = now.storage(key);
      if (value.equals(open.applied.get(key))) {
        continue;
      }
      Bytes k = Bytes.wrap(key.toBytes());
      if (value.isZero()) {
        open.trie.delete(k);
      } else {
        open.trie.put(k, encodeSlot(value));
      }
      open.applied.put(key, value);
    }
  }

  /**
   * Collects now the writes {@link #finish} would return, for a block waiting idle for its due
   * time: its trie nodes are gathered but not yet considered written. {@link #finish} returns
   * them if the state does not change before, and otherwise collects again.
   */
  void collectAhead() {
    hashPending();
    if (ahead == null) {
      ahead = collect(false);
    }
  }

  /** Applies the last changes and returns the root and every write since the last persist. */
  StateStore.Changes finish() {
    apply();
    putAccounts();
    if (ahead != null) {
      ahead.nodes.markWritten();
      return ahead;
    }
    return collect(true);
  }

  /**
   * The root and every write since the last persist, from the applied changes. With {@code
   * markWritten}, the tries consider the collected nodes written; otherwise the caller must
   * {@link org.drr.node.trie.NodeBatch#markWritten mark them} when it uses them.
   */
  private StateStore.Changes collect(boolean markWritten) {
    StateStore.Changes changes = new StateStore.Changes(state);
    for (Address address : state.changedSincePersisted()) {
      AccountState now = state.inMemory(address);
      StateStore.Committed before = store.committed(address);
      if (now == null) {
        if (before != null) {
          changes.deleted.add(address);
          changes.wiped.add(address);
        }
        continue;
      }
      boolean fresh = before == null || now.replacesPersisted();
      Map<Word256, Word256> writes = fresh ? allSlots(now) : changedSlots(now);
      Bytes32 codeHash = Bytes32.wrap(now.codeHash());
      if (!fresh
          && writes.isEmpty()
          && before.nonce() == now.nonce()
          && before.balance().equals(now.balance())
          && before.codeHash().equals(codeHash)) {
        continue;
      }
      OpenStorage open = storage.get(address);
      Bytes32 storageRoot = open != null
          ? collect(open.trie, changes.nodes, markWritten)
          : fresh ? Account.EMPTY_STORAGE_ROOT : before.storageRoot();
      if (before != null && fresh && !before.storageRoot().equals(Account.EMPTY_STORAGE_ROOT)) {
        changes.wiped.add(address);
      }
      if (before == null || !before.codeHash().equals(codeHash)) {
        changes.codes.add(Bytes.wrap(now.code()));
      }
      changes.accounts.put(
          address, new StateStore.Committed(now.nonce(), now.balance(), codeHash, storageRoot));
      changes.slotWrites.put(address, writes);
    }
    changes.root = collect(accountTrie, changes.nodes, markWritten);
    return changes;
  }

  private static Bytes32 collect(
      SecureMerklePatriciaTrie trie, NodeBatch batch, boolean markWritten) {
    return markWritten ? trie.commit(batch) : trie.collectAhead(batch);
  }

  /** Every non-zero slot of an account whose storage is rebuilt from empty. */
  private static Map<Word256, Word256> allSlots(AccountState account) {
    Map<Word256, Word256> slots = new HashMap<>();
    account.storageView().forEach((k, v) -> {
      if (!v.isZero()) {
        slots.put(k, v);
      }
    });
    return slots;
  }

  /** The slots written since the last persist whose value now differs from the persisted one. */
  private static Map<Word256, Word256> changedSlots(AccountState account) {
    Map<Word256, Word256> slots = new HashMap<>();
    account.writtenSincePersisted().forEach((k, persisted) -> {
      Word256 current = account.storage(k);
      if (!current.equals(persisted)) {
        slots.put(k, current);
      }
    });
    return slots;
  }

  private static Bytes encodeSlot(Word256 value) {
    RlpWriter w = new RlpWriter(40);
    w.writeScalar(Bytes.wrap(value.toBytes()));
    return w.toBytes();
  }
}
