package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.state.StateRoots;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.storage.StorageTransaction;
import org.drr.node.storage.TrieNodeStorage;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental diff against a full recomputation, hashing on every advance (the producer hashes
 * at most every 100 ms, which a fast test never reaches): random slot writes, clears, balance and
 * nonce changes, deletions and re-creations, over several committed blocks on a real RocksDB.
 */
class StateDiffTest {
  @TempDir Path dir;

  @Test
  void everyAdvanceKeepsTheFinalRootEqualToAFullRecomputation() {
    Random random = new Random(11);
    List<Address> addresses = List.of(
        Address.fromHexString("0x00000000000000000000000000000000000000a1"),
        Address.fromHexString("0x00000000000000000000000000000000000000a2"),
        Address.fromHexString("0x00000000000000000000000000000000000000a3"));
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0])))) {
      StateStore store = new StateStore(storage);
      WorldState state = new WorldState();
      for (Address a : addresses) {
        state.putCommitted(a, 1, BigInteger.TEN, new byte[] {0x00}, Map.of(Word256.ZERO, word(1)));
      }
      Bytes32 root = MerklePatriciaTrie.EMPTY_TRIE_ROOT;
      for (int block = 0; block < 12; block++) {
        StateDiff diff = new StateDiff(store, state, root, 0);
        for (int round = 0; round < 4; round++) {
          for (int tx = 0; tx < 3; tx++) {
            Address a = addresses.get(random.nextInt(addresses.size()));
            switch (random.nextInt(8)) {
              case 0 -> state.delete(a);
              case 1 -> state.createAccount(a); // re-created: storage starts empty
              case 2 -> state.addBalance(a, BigInteger.ONE);
              case 3 -> state.setNonce(a, state.nonce(a) + 1);
              default -> state.setStorage(a, word(random.nextInt(6)), word(random.nextInt(3)));
            }
            state.endTransaction();
          }
          diff.advance();
          if (random.nextBoolean()) {
            diff.collectAhead(); // as for a block idle before its due time; later rounds change it
          }
        }
        StateStore.Changes changes = diff.finish();
        assertEquals(StateRoots.compute(state), changes.stateRoot(), "block " + block);
        try (StorageTransaction t = storage.startTransaction()) {
          store.stageCode(changes, t);
          store.stage(changes, t);
          t.commit();
        }
        store.markCommitted(changes);
        root = changes.stateRoot();
      }
      // what was staged block by block reloads into the same state
      assertEquals(root, StateRoots.compute(store.load()));
      assertAllNodesStored(new TrieNodeStorage(storage), root);
    }
  }

  @Test
  void aBlockCollectedAheadAndUnchangedSinceWritesWhatFinishingAtOnceWrites() {
    Address a = Address.fromHexString("0x00000000000000000000000000000000000000a1");
    StateStore.Changes[] changes = new StateStore.Changes[2];
    for (int ahead = 0; ahead < 2; ahead++) {
      StorageOptions options = StorageOptions.durable(ChainColumns.ALL.toArray(new Column[0]));
      try (RocksDbStorage storage = RocksDbStorage.open(dir.resolve("ahead-" + ahead), options)) {
        WorldState state = new WorldState();
        state.putCommitted(a, 1, BigInteger.TEN, new byte[] {0x00}, Map.of());
        StateDiff diff =
            new StateDiff(new StateStore(storage), state, MerklePatriciaTrie.EMPTY_TRIE_ROOT, 0);
        for (int slot = 0; slot < 40; slot++) {
          state.setStorage(a, word(slot), word(slot + 1));
        }
        state.endTransaction();
        diff.advance();
        if (ahead == 1) {
          diff.collectAhead();
        }
        changes[ahead] = diff.finish();
      }
    }
    assertEquals(changes[0].stateRoot(), changes[1].stateRoot());
    assertEquals(hashes(changes[0]), hashes(changes[1]));
  }

  private static List<Bytes32> hashes(StateStore.Changes changes) {
    List<Bytes32> hashes = new ArrayList<>();
    changes.nodes.forEach((hash, encoding) -> hashes.add(hash));
    return hashes;
  }

  /**
   * Walks the account trie at {@code root} and every account's storage trie through {@code
   * nodes}, which must hold every node: a node collected but never written fails the walk.
   */
  private static void assertAllNodesStored(TrieNodeStorage nodes, Bytes32 root) {
    new MerklePatriciaTrie(nodes, root).forEachFrom(Bytes.EMPTY, (key, value) -> {
      Bytes32 storageRoot = Account.decode(value).storageRoot();
      new MerklePatriciaTrie(nodes, storageRoot).forEachFrom(Bytes.EMPTY, (k, v) -> true);
      return true;
    });
  }

  private static Word256 word(int v) {
    return Word256.fromBytes(Bytes32.leftPad(Bytes.of(v)).toArrayUnsafe());
  }
}
