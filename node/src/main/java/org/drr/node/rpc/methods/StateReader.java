package org.drr.node.rpc.methods;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rlp.Rlp;
import org.drr.node.rpc.RpcBackend;
import org.drr.node.rpc.RpcException;
import org.drr.node.trie.MissingNodeException;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;

/**
 * Reads accounts, storage, code and proofs from the world-state trie at a given state root, over
 * the backend's node store. The account trie maps keccak(address) to the account's RLP; each
 * storage trie maps keccak(slot) to rlp(value without leading zeros).
 */
final class StateReader {
  private final RpcBackend backend;

  StateReader(RpcBackend backend) {
    this.backend = backend;
  }

  /** The account at {@code address}, or empty if it does not exist. */
  Optional<Account> account(Bytes32 stateRoot, Address address) {
    return guarded(
        stateRoot, () -> accountTrie(stateRoot).get(address.bytes()).map(Account::decode));
  }

  Bytes code(Account account) {
    return backend
        .code(account.codeHash())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "code with hash " + account.codeHash() + " is missing from storage"));
  }

  /** The value of {@code slot} in {@code account}'s storage (zero if unset). */
  Bytes32 storage(Bytes32 stateRoot, Account account, Bytes32 slot) {
    return guarded(
        stateRoot,
        () ->
            storageTrie(account)
                .get(slot)
                .map(encoded -> Bytes32.leftPad(Rlp.decodeBytes(encoded)))
                .orElse(Bytes32.ZERO));
  }

  /** The account-trie nodes on the path to {@code address}, root first. */
  List<Bytes> accountProof(Bytes32 stateRoot, Address address) {
    return guarded(stateRoot, () -> accountTrie(stateRoot).proof(address.bytes()));
  }

  /** The storage-trie nodes on the path to {@code slot}, root first. */
  List<Bytes> storageProof(Bytes32 stateRoot, Account account, Bytes32 slot) {
    return guarded(stateRoot, () -> storageTrie(account).proof(slot));
  }

  static UInt256 toQuantity(Bytes32 value) {
    return UInt256.fromBytes(value);
  }

  private SecureMerklePatriciaTrie accountTrie(Bytes32 stateRoot) {
    return new SecureMerklePatriciaTrie(backend.stateNodes(), stateRoot);
  }

  private SecureMerklePatriciaTrie storageTrie(Account account) {
    return new SecureMerklePatriciaTrie(backend.stateNodes(), account.storageRoot());
  }

  private static <T> T guarded(Bytes32 stateRoot, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (MissingNodeException e) {
      throw new RpcException(
          RpcException.SERVER_ERROR,
          "missing trie node under state root "
              + stateRoot.toHexString()
              + " (state not available): "
              + e.getMessage());
    }
  }
}
