package org.drr.node.state;

import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.trie.MissingNodeException;
import org.drr.node.trie.NodeBatch;
import org.drr.node.trie.NodeStore;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;

/**
 * Reads accounts, code and storage slots of a {@link WorldState} from the secure tries in a
 * {@link NodeStore}, and writes changed accounts back. Code comes from a {@link CodeReader}; when
 * this loader commits, it writes code into the node store under its keccak-256 hash (content
 * addressing, like trie nodes).
 */
final class StateLoader {
  /** Reads one slot of one account's stored storage trie. */
  interface SlotReader {
    Word256 read(Word256 key);
  }

  private final NodeStore store;
  private final CodeReader codeReader;
  private SecureMerklePatriciaTrie accountTrie;

  StateLoader(NodeStore store, CodeReader codeReader, Bytes32 root) {
    this.store = store;
    this.codeReader = codeReader;
    this.accountTrie = new SecureMerklePatriciaTrie(store, root);
  }

  /** The stored account, or null if the trie has none at {@code address}. */
  AccountState account(Address address) {
    Optional<Bytes> encoded = accountTrie.get(address.bytes());
    if (encoded.isEmpty()) {
      return null;
    }
    Account stored = Account.decode(encoded.get());
    AccountState a = new AccountState();
    a.nonce = stored.nonce();
    a.balance = stored.balance().toBigInteger();
    if (!stored.codeHash().equals(Account.EMPTY_CODE_HASH)) {
      byte[] code =
          codeReader
              .code(stored.codeHash())
              .orElseThrow(() -> new MissingNodeException(stored.codeHash()));
      a.setCode(code);
    }
    a.storageRoot = stored.storageRoot();
    if (!a.storageRoot.equals(Account.EMPTY_STORAGE_ROOT)) {
      a.slotReader = reader(new SecureMerklePatriciaTrie(store, a.storageRoot));
    }
    return a;
  }

  private static SlotReader reader(SecureMerklePatriciaTrie slots) {
    return key ->
        slots.get(Bytes.wrap(key.toBytes())).map(StateLoader::decodeSlot).orElse(Word256.ZERO);
  }

  private static Word256 decodeSlot(Bytes rlp) {
    Bytes value = RlpReader.of(rlp).readBytes();
    return Word256.fromBytes(Bytes32.leftPad(value).toArrayUnsafe());
  }

  /**
   * Writes {@code changed} (a null value deletes the account) and returns the new root. Each
   * changed account's storage trie is updated from its stored root with the slots in memory.
   */
  Bytes32 commit(Map<Address, AccountState> changed) {
    NodeBatch batch = new NodeBatch();
    for (Map.Entry<Address, AccountState> e : changed.entrySet()) {
      AccountState a = e.getValue();
      if (a == null) {
        accountTrie.delete(e.getKey().bytes());
        continue;
      }
      SecureMerklePatriciaTrie slots = new SecureMerklePatriciaTrie(store, a.storageRoot);
      for (Map.Entry<Word256, Word256> slot : a.storage.entrySet()) {
        Bytes key = Bytes.wrap(slot.getKey().toBytes());
        if (slot.getValue().isZero()) {
          slots.delete(key);
        } else {
          RlpWriter w = new RlpWriter(40);
          w.writeScalar(Bytes.wrap(slot.getValue().toBytes()));
          slots.put(key, w.toBytes());
        }
      }
      a.storageRoot = slots.commit(batch);
      // Unloaded slots must now come from the new trie: a slot zeroed here is dropped from
      // memory, and the old trie would still return its previous value.
      a.storage.values().removeIf(Word256::isZero);
      a.slotReader = a.storageRoot.equals(Account.EMPTY_STORAGE_ROOT) ? null : reader(slots);
      if (a.code.length > 0) {
        batch.put(Bytes32.wrap(a.codeHash()), a.code);
      }
      Account stored =
          new Account(
              a.nonce,
              org.apache.tuweni.units.bigints.UInt256.valueOf(a.balance),
              a.storageRoot,
              Bytes32.wrap(a.codeHash()));
      accountTrie.put(e.getKey().bytes(), stored.encode());
    }
    Bytes32 root = accountTrie.commit(batch);
    if (!batch.isEmpty()) {
      store.putAll(batch);
    }
    return root;
  }
}
