package org.drr.node.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.trie.InvalidProofException;
import org.drr.node.trie.MissingNodeException;
import org.drr.node.trie.NodeBatch;
import org.drr.node.trie.SecureMerklePatriciaTrie;
import org.drr.node.types.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state trie committed to real RocksDB survives a close and reopens lazily at its root. */
class RocksDbTrieTest {
  private static final Column HEAD = new Column("test-head");
  private static final byte[] HEAD_KEY = {0};

  @TempDir Path dir;

  private static Bytes address(int i) {
    return Bytes.ofUnsignedInt(i);
  }

  private static Account account(int i) {
    return Account.EMPTY.withNonce(i).withBalance(UInt256.valueOf(1_000L * i));
  }

  @Test
  void aCommittedStateTrieAndItsHeadPointerLandTogetherAndReopen() throws InvalidProofException {
    Bytes32 root;
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES, HEAD))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 1024);
      SecureMerklePatriciaTrie state = new SecureMerklePatriciaTrie(nodes);
      for (int i = 1; i <= 2_000; i++) {
        state.put(address(i), account(i).encode());
      }
      NodeBatch batch = new NodeBatch();
      root = state.commit(batch);
      try (StorageTransaction tx = storage.startTransaction()) {
        nodes.stage(batch, tx);
        tx.put(HEAD, HEAD_KEY, root.toArray());
        tx.commit();
      }
    }
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES, HEAD))) {
      byte[] head = storage.get(HEAD, HEAD_KEY).orElseThrow();
      assertArrayEquals(root.toArray(), head);
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 1024);
      SecureMerklePatriciaTrie state = new SecureMerklePatriciaTrie(nodes, Bytes32.wrap(head));
      for (int i = 1; i <= 2_000; i += 37) {
        assertEquals(account(i), Account.decode(state.get(address(i)).orElseThrow()));
      }
      assertEquals(Optional.empty(), state.get(address(9_999)));
      assertEquals(
          account(5).encode(),
          SecureMerklePatriciaTrie.verifyProof(root, address(5), state.proof(address(5)))
              .orElseThrow());

      state.delete(address(5));
      state.put(address(6), account(60).encode());
      Bytes32 next = state.commit();
      SecureMerklePatriciaTrie reread = new SecureMerklePatriciaTrie(nodes, next);
      assertEquals(Optional.empty(), reread.get(address(5)));
      assertEquals(account(60), Account.decode(reread.get(address(6)).orElseThrow()));
    }
  }

  @Test
  void aRootWhoseNodesWereNeverWrittenIsMissing() {
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 16);
      SecureMerklePatriciaTrie state = new SecureMerklePatriciaTrie(nodes);
      state.put(address(1), account(1).encode());
      Bytes32 root = state.commit(new NodeBatch()); // batch dropped: never written
      SecureMerklePatriciaTrie reopened = new SecureMerklePatriciaTrie(nodes, root);
      assertThrows(MissingNodeException.class, () -> reopened.get(address(1)));
    }
  }
}
