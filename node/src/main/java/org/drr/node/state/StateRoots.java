package org.drr.node.state;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.trie.InMemoryNodeStore;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;

/**
 * Computes Merkle Patricia Trie roots of a {@link WorldState}: one secure storage trie per
 * account (keccak(slot) to rlp(value without leading zeros)) and the secure account trie
 * (keccak(address) to rlp([nonce, balance, storageRoot, codeHash])).
 */
public final class StateRoots {
  private StateRoots() {}

  /** The state root of all accounts currently in {@code state}. */
  public static Bytes32 compute(WorldState state) {
    SecureMerklePatriciaTrie trie = new SecureMerklePatriciaTrie(new InMemoryNodeStore());
    for (Map.Entry<Address, AccountState> e : state.accounts().entrySet()) {
      trie.put(e.getKey().bytes(), toAccount(e.getValue()).encode());
    }
    return trie.rootHash();
  }

  /** The account record (with its storage root) as it goes into the state trie. */
  public static Account toAccount(AccountState a) {
    return new Account(
        a.nonce(),
        UInt256.valueOf(a.balance()),
        storageRoot(a),
        Bytes32.wrap(a.codeHash()));
  }

  /** The root of the account's storage trie; zero-valued slots are absent. */
  public static Bytes32 storageRoot(AccountState a) {
    if (a.storageView().isEmpty()) {
      return Account.EMPTY_STORAGE_ROOT;
    }
    SecureMerklePatriciaTrie trie = new SecureMerklePatriciaTrie(new InMemoryNodeStore());
    for (Map.Entry<Word256, Word256> slot : a.storageView().entrySet()) {
      if (slot.getValue().isZero()) {
        continue;
      }
      RlpWriter w = new RlpWriter(40);
      w.writeScalar(Bytes.wrap(slot.getValue().toBytes()));
      trie.put(Bytes.wrap(slot.getKey().toBytes()), w.toBytes());
    }
    return trie.rootHash();
  }
}
