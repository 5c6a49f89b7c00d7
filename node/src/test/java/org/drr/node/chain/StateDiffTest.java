package org.drr.node.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
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
import org.drr.node.trie.MerklePatriciaTrie;
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
    }
  }

  private static Word256 word(int v) {
    return Word256.fromBytes(Bytes32.leftPad(Bytes.of(v)).toArrayUnsafe());
  }
}
