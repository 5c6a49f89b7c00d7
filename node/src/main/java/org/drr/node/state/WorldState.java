package org.drr.node.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.trie.NodeStore;
import org.drr.node.types.Address;

/**
 * The world state as the EVM sees it: accounts with balance, nonce, code and storage, plus the
 * per-transaction substate (warm addresses and slots of EIP-2929, transient storage of EIP-1153,
 * logs, the refund counter, self-destructed and newly created accounts, touched accounts).
 *
 * <p>Every change is journaled: {@link #snapshot()} returns a marker and {@link #revertTo} undoes
 * everything after it, so nested calls revert independently. {@link #endTransaction()} applies
 * end-of-transaction rules (deletions of self-destructed and touched empty accounts), makes the
 * changes permanent and resets the substate.
 *
 * <p>A state is either purely in memory ({@link #WorldState()}, filled by {@link
 * #putCommitted}; {@link StateRoots#compute} gives its root) or backed by a trie in a {@link
 * NodeStore} ({@link #WorldState(NodeStore, Bytes32)}): accounts, code and storage slots are
 * then loaded on first use, and {@link #commit()} writes the changes since the last commit into
 * the store and returns the new state root.
 */
public final class WorldState {
  /** Loaded or changed accounts; a null value means known not to exist. */
  private final Map<Address, AccountState> accounts = new HashMap<>();
  private final StateLoader loader;
  /** Accounts changed since the last commit (a superset after reverts). */
  private final Set<Address> dirty = new HashSet<>();
  /** Accounts changed since the last {@link #checkpoint} (a subset of {@link #dirty}). */
  private final Set<Address> changedSinceCheckpoint = new HashSet<>();
  private final Journal journal = new Journal();
  private final Substate substate = new Substate(journal);
  /** Accounts whose storage was written in this transaction (a superset after reverts). */
  private final Set<AccountState> storageWritten =
      Collections.newSetFromMap(new IdentityHashMap<>());

  /** An empty state held only in memory. */
  public WorldState() {
    this.loader = null;
  }

  /**
   * The state whose root is {@code root} in {@code store}, loaded lazily, with code stored in the
   * same store under its hash.
   */
  public WorldState(NodeStore store, Bytes32 root) {
    this(store, store::get, root);
  }

  /**
   * The state whose root is {@code root} in {@code store}, loaded lazily: each account and slot is
   * read on first use, so a call costs what it touches, not the size of the state.
   */
  public WorldState(NodeStore store, CodeReader code, Bytes32 root) {
    this.loader = new StateLoader(store, code, root);
  }

  /** The account, or null if it does not exist. */
  public AccountState get(Address address) {
    AccountState a = accounts.get(address);
    if (a == null && loader != null && !accounts.containsKey(address)) {
      a = loader.account(address);
      accounts.put(address, a);
    }
    return a;
  }

  /**
   * The existing accounts held in memory (read-only): all of them for an in-memory state, the
   * loaded or changed ones for a trie-backed state.
   */
  public Map<Address, AccountState> accounts() {
    Map<Address, AccountState> existing = new HashMap<>();
    accounts.forEach((k, v) -> {
      if (v != null) {
        existing.put(k, v);
      }
    });
    return Collections.unmodifiableMap(existing);
  }

  public Substate substate() {
    return substate;
  }

  public boolean exists(Address address) {
    return get(address) != null;
  }

  /** True if the account does not exist or is empty per EIP-161 (the EVM's notion of "dead"). */
  public boolean isDead(Address address) {
    AccountState a = get(address);
    return a == null || a.isEmpty();
  }

  public BigInteger balance(Address address) {
    AccountState a = get(address);
    return a == null ? BigInteger.ZERO : a.balance;
  }

  public long nonce(Address address) {
    AccountState a = get(address);
    return a == null ? 0 : a.nonce;
  }

  public byte[] code(Address address) {
    AccountState a = get(address);
    return a == null ? AccountState.EMPTY_CODE : a.code;
  }

  public Word256 storage(Address address, Word256 key) {
    AccountState a = get(address);
    return a == null ? Word256.ZERO : a.storage(key);
  }

  /** The slot's value at the start of the transaction (EIP-2200 original value). */
  public Word256 originalStorage(Address address, Word256 key) {
    AccountState a = get(address);
    return a == null ? Word256.ZERO : a.committedStorage(key);
  }

  // ---- changes (journaled) ----

  /** Returns the account, creating an empty one (journaled) if it does not exist. */
  private AccountState getOrCreate(Address address) {
    AccountState a = get(address);
    if (a == null) {
      a = new AccountState();
      a.replacesPersisted = true;
      accounts.put(address, a);
      journal.record(() -> accounts.put(address, null));
    }
    markChanged(address);
    return a;
  }

  /**
   * Creates a fresh account at {@code address} for CREATE, keeping any balance already sent there
   * and discarding everything else (the old account object is restored on revert).
   */
  public void createAccount(Address address) {
    AccountState old = get(address);
    AccountState fresh = new AccountState();
    fresh.replacesPersisted = true;
    if (old != null) {
      fresh.balance = old.balance;
    }
    accounts.put(address, fresh);
    markChanged(address);
    journal.record(() -> accounts.put(address, old));
    substate.markCreated(address);
  }

  public void addBalance(Address address, BigInteger amount) {
    AccountState a = getOrCreate(address);
    BigInteger old = a.balance;
    a.balance = old.add(amount);
    journal.record(() -> a.balance = old);
    substate.touch(address);
  }

  /**
   * Subtracts {@code amount}.
   *
   * @throws IllegalStateException if the balance is too low (callers check first)
   */
  public void subBalance(Address address, BigInteger amount) {
    AccountState a = getOrCreate(address);
    BigInteger old = a.balance;
    if (old.compareTo(amount) < 0) {
      throw new IllegalStateException(
          "balance of " + address + " is " + old + ", cannot subtract " + amount);
    }
    a.balance = old.subtract(amount);
    journal.record(() -> a.balance = old);
    substate.touch(address);
  }

  public void setBalance(Address address, BigInteger value) {
    AccountState a = getOrCreate(address);
    BigInteger old = a.balance;
    a.balance = value;
    journal.record(() -> a.balance = old);
    substate.touch(address);
  }

  public void setNonce(Address address, long nonce) {
    AccountState a = getOrCreate(address);
    long old = a.nonce;
    a.nonce = nonce;
    journal.record(() -> a.nonce = old);
  }

  public void setCode(Address address, byte[] code) {
    AccountState a = getOrCreate(address);
    byte[] old = a.code;
    a.setCode(code);
    journal.record(() -> a.setCode(old));
  }

  public void setStorage(Address address, Word256 key, Word256 value) {
    AccountState a = getOrCreate(address);
    // Remember the transaction-start value before the first write; it stays right on revert.
    Word256 current = a.storage(key);
    a.committedStorage.putIfAbsent(key, current);
    a.persistedStorage.putIfAbsent(key, current);
    a.writtenSinceCheckpoint.add(key);
    storageWritten.add(a);
    Word256 old = a.storage.put(key, value);
    journal.record(
        () -> {
          if (old == null) {
            a.storage.remove(key);
          } else {
            a.storage.put(key, old);
          }
        });
  }

  /** Removes the account (journaled). */
  public void delete(Address address) {
    AccountState old = get(address);
    if (old != null) {
      accounts.put(address, null);
      markChanged(address);
      journal.record(() -> accounts.put(address, old));
    }
  }

  public int snapshot() {
    return journal.snapshot();
  }

  public void revertTo(int snapshot) {
    journal.revertTo(snapshot);
  }

  // ---- loading and transaction boundaries (not journaled) ----

  /**
   * Installs an account as committed state (genesis or a test's pre-state); it is written to the
   * store by the next {@link #commit()} of a trie-backed state.
   */
  public void putCommitted(
      Address address, long nonce, BigInteger balance, byte[] code, Map<Word256, Word256> slots) {
    AccountState a = new AccountState();
    a.replacesPersisted = true;
    a.nonce = nonce;
    a.balance = balance;
    a.setCode(code);
    for (Map.Entry<Word256, Word256> e : slots.entrySet()) {
      if (!e.getValue().isZero()) {
        a.storage.put(e.getKey(), e.getValue());
      }
    }
    accounts.put(address, a);
    markChanged(address);
  }

  /**
   * Ends a transaction: deletes accounts that self-destructed (EIP-6780: only those created in the
   * same transaction are recorded) and touched accounts that are empty (EIP-161), drops zero
   * storage slots, makes every change permanent, and resets the substate.
   */
  public void endTransaction() {
    for (Address a : substate.selfDestructed()) {
      accounts.put(a, null);
      markChanged(a);
    }
    for (Address a : substate.touched()) {
      AccountState s = accounts.get(a);
      if (s != null && s.isEmpty()) {
        accounts.put(a, null);
        markChanged(a);
      }
    }
    // Zero slots stay cached until commit: dropping them would re-read the stored value.
    for (AccountState s : storageWritten) {
      s.committedStorage.clear();
    }
    storageWritten.clear();
    journal.clear();
    substate.reset();
  }

  /**
   * Writes every change since the last commit (accounts, storage tries, code) into the backing
   * store and returns the new state root. Call between transactions.
   *
   * @throws IllegalStateException for an in-memory state (use {@link StateRoots#compute})
   */
  public Bytes32 commit() {
    if (loader == null) {
      throw new IllegalStateException("an in-memory world state has no store to commit to");
    }
    Map<Address, AccountState> changed = new HashMap<>();
    for (Address a : dirty) {
      changed.put(a, accounts.get(a));
    }
    Bytes32 root = loader.commit(changed);
    markPersisted();
    return root;
  }

  // ---- change tracking for persisters that keep the state in memory ----

  /**
   * Addresses whose account may differ from the last persisted state (a superset after reverts):
   * everything written since construction or {@link #markPersisted}.
   */
  public Set<Address> changedSincePersisted() {
    return Collections.unmodifiableSet(dirty);
  }

  /**
   * Addresses whose account may have changed since the last {@link #checkpoint} (or persist): lets
   * a persister fold a block's changes in as it executes rather than all at its end.
   */
  public Set<Address> changedSinceCheckpoint() {
    return Collections.unmodifiableSet(changedSinceCheckpoint);
  }

  /** Forgets what changed before now, for {@link #changedSinceCheckpoint} and each account's slots. */
  public void checkpoint() {
    for (Address address : changedSinceCheckpoint) {
      AccountState a = accounts.get(address);
      if (a != null) {
        a.writtenSinceCheckpoint.clear();
      }
    }
    changedSinceCheckpoint.clear();
  }

  private void markChanged(Address address) {
    dirty.add(address);
    changedSinceCheckpoint.add(address);
  }

  /** The account held in memory at {@code address} without loading it; null if deleted or absent. */
  public AccountState inMemory(Address address) {
    return accounts.get(address);
  }

  /**
   * Records that the current contents are persisted: forgets the changed addresses, each changed
   * account's persisted slot values and replacement flag, and zero slots (absent from now on).
   * Call between transactions, after the persister's write is durable.
   */
  public void markPersisted() {
    for (Address address : dirty) {
      AccountState a = accounts.get(address);
      if (a != null) {
        if (loader == null) {
          // only written slots can have become zero: the rest of the map is not visited
          for (Word256 key : a.persistedStorage.keySet()) {
            Word256 v = a.storage.get(key);
            if (v != null && v.isZero()) {
              a.storage.remove(key);
            }
          }
          if (a.replacesPersisted) {
            a.storage.values().removeIf(Word256::isZero);
          }
        }
        a.persistedStorage.clear();
        a.writtenSinceCheckpoint.clear();
        a.replacesPersisted = false;
      }
    }
    dirty.clear();
    changedSinceCheckpoint.clear();
  }

  /** Existing accounts held in memory, sorted by address, for deterministic diagnostics. */
  public List<Address> sortedAddresses() {
    List<Address> list = new ArrayList<>(accounts().keySet());
    Collections.sort(list);
    return list;
  }

}
