package org.drr.node.state;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.types.Account;

/**
 * The mutable state of one account inside a {@link WorldState}. Only {@link WorldState} changes
 * it, always through the journal; other code reads it.
 */
public final class AccountState {
  static final byte[] EMPTY_CODE = new byte[0];
  static final byte[] EMPTY_CODE_HASH = Keccak256.EMPTY.toArray();

  long nonce;
  BigInteger balance = BigInteger.ZERO;
  byte[] code = EMPTY_CODE;
  private byte[] codeHash = EMPTY_CODE_HASH;
  /** Current storage values; zero values may be present until the transaction ends. */
  final Map<Word256, Word256> storage;
  /**
   * Values at the start of the current transaction (EIP-2200 "original") of the slots written
   * in it; a slot not written yet still holds its original value in {@link #storage}.
   */
  final Map<Word256, Word256> committedStorage;
  /**
   * Values as last persisted of the slots written since (a superset after reverts): what a
   * persister diffs against, so that saving a block costs the slots it wrote, not the storage
   * size. Cleared by {@link WorldState#markPersisted}.
   */
  final Map<Word256, Word256> persistedStorage = new HashMap<>();
  /** Slots written since the state's last checkpoint (a superset after reverts). */
  final java.util.Set<Word256> writtenSinceCheckpoint = new java.util.HashSet<>();
  /**
   * True if this object replaced whatever was persisted at its address (a new or re-created
   * account, or one installed by {@link WorldState#putCommitted}): its storage then starts empty
   * rather than from the persisted storage.
   */
  boolean replacesPersisted;

  /** Root of the stored storage trie this account's unloaded slots come from. */
  Bytes32 storageRoot = Account.EMPTY_STORAGE_ROOT;
  /** Reads slots from the stored storage trie; null for accounts created in memory. */
  StateLoader.SlotReader slotReader;

  AccountState() {
    this.storage = new HashMap<>();
    this.committedStorage = new HashMap<>();
  }

  public long nonce() {
    return nonce;
  }

  public BigInteger balance() {
    return balance;
  }

  public byte[] code() {
    return code;
  }

  public byte[] codeHash() {
    return codeHash;
  }

  void setCode(byte[] newCode) {
    code = newCode;
    codeHash = newCode.length == 0 ? EMPTY_CODE_HASH : Keccak256.hash(newCode, 0, newCode.length);
  }

  /** EIP-161 emptiness: no nonce, no balance, no code. */
  public boolean isEmpty() {
    return nonce == 0 && balance.signum() == 0 && code.length == 0;
  }

  public Word256 storage(Word256 key) {
    Word256 v = storage.get(key);
    if (v == null) {
      if (slotReader == null) {
        return Word256.ZERO;
      }
      v = slotReader.read(key);
      storage.put(key, v); // a cache of the stored value, not a change
    }
    return v;
  }

  Word256 committedStorage(Word256 key) {
    Word256 v = committedStorage.get(key);
    return v == null ? storage(key) : v;
  }

  /** Whether any storage slot is non-zero (EIP-7610 create collision). */
  public boolean hasStorage() {
    if (!storageRoot.equals(Account.EMPTY_STORAGE_ROOT)) {
      return true;
    }
    for (Word256 v : storage.values()) {
      if (!v.isZero()) {
        return true;
      }
    }
    return false;
  }

  /** See {@link #persistedStorage}: slot → value as last persisted, for slots written since. */
  public Map<Word256, Word256> writtenSincePersisted() {
    return java.util.Collections.unmodifiableMap(persistedStorage);
  }

  /** Slots written since the state's last {@link WorldState#checkpoint}. */
  public java.util.Set<Word256> writtenSinceCheckpoint() {
    return java.util.Collections.unmodifiableSet(writtenSinceCheckpoint);
  }

  /** Whether this account's storage starts empty instead of from the persisted storage. */
  public boolean replacesPersisted() {
    return replacesPersisted;
  }

  /**
   * The slots held in memory (zero values may be present): all of them for an in-memory state,
   * the loaded or written ones for a trie-backed state.
   */
  public Map<Word256, Word256> storageView() {
    return java.util.Collections.unmodifiableMap(storage);
  }
}
