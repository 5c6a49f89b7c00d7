package org.drr.node.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.trie.InMemoryNodeStore;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.types.Account;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;

class WorldStateTest {
  private static final Address A = Address.fromHexString("0x000000000000000000000000000000000000aaaa");
  private static final Address B = Address.fromHexString("0x000000000000000000000000000000000000bbbb");
  private static final Word256 K = Word256.fromHex("0x01");

  @Test
  void nestedSnapshotsRevertIndependently() {
    WorldState s = new WorldState();
    s.putCommitted(A, 1, BigInteger.TEN, new byte[0], Map.of());
    int outer = s.snapshot();
    s.addBalance(A, BigInteger.ONE);
    s.setStorage(A, K, Word256.fromHex("0x05"));
    int inner = s.snapshot();
    s.setStorage(A, K, Word256.fromHex("0x06"));
    s.addBalance(B, BigInteger.TWO);
    s.substate().addRefund(100);
    s.revertTo(inner);
    assertEquals(Word256.fromHex("0x05"), s.storage(A, K));
    assertNull(s.get(B), "account created after the inner snapshot is gone");
    assertEquals(0, s.substate().refund());
    assertEquals(BigInteger.valueOf(11), s.balance(A));
    s.revertTo(outer);
    assertEquals(BigInteger.TEN, s.balance(A));
    assertEquals(Word256.ZERO, s.storage(A, K));
  }

  @Test
  void revertingToAnAlreadyRevertedSnapshotIsAnError() {
    WorldState s = new WorldState();
    s.addBalance(A, BigInteger.ONE);
    int snap = s.snapshot();
    s.revertTo(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.revertTo(snap));
    assertTrue(e.getMessage().contains("snapshot " + snap), e.getMessage());
  }

  @Test
  void endOfTransactionDeletesTouchedEmptyAccountsAndKeepsOriginals() {
    WorldState s = new WorldState();
    s.putCommitted(A, 0, BigInteger.ZERO, new byte[0], Map.of());
    s.putCommitted(B, 0, BigInteger.ONE, new byte[0], Map.of(K, Word256.fromHex("0x09")));
    s.addBalance(A, BigInteger.ZERO); // touch an empty account (EIP-161)
    s.setStorage(B, K, Word256.fromHex("0x0a"));
    assertEquals(Word256.fromHex("0x09"), s.originalStorage(B, K));
    s.endTransaction();
    assertFalse(s.exists(A));
    assertEquals(Word256.fromHex("0x0a"), s.originalStorage(B, K));
  }

  @Test
  void insufficientBalanceNamesTheAccountAndChangesNothing() {
    WorldState s = new WorldState();
    s.putCommitted(A, 0, BigInteger.ONE, new byte[0], Map.of());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> s.subBalance(A, BigInteger.TWO));
    assertTrue(e.getMessage().contains(A.toHexString()), e.getMessage());
    assertEquals(BigInteger.ONE, s.balance(A));
  }

  @Test
  void trieBackedStateLoadsLazilyAndCommitsTheSameRootAsAFullRecomputation() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    WorldState genesis = new WorldState(store, MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    genesis.putCommitted(A, 3, BigInteger.TEN, new byte[] {0x60, 0x00},
        Map.of(K, Word256.fromHex("0x07"), Word256.fromHex("0x02"), Word256.fromHex("0x08")));
    Bytes32 root0 = genesis.commit();

    WorldState s = new WorldState(store, root0);
    assertEquals(3, s.nonce(A));
    assertEquals(Word256.fromHex("0x07"), s.storage(A, K));
    s.setStorage(A, K, Word256.ZERO);
    s.addBalance(B, BigInteger.ONE);
    s.endTransaction();
    Bytes32 root1 = s.commit();

    WorldState reloaded = new WorldState(store, root1);
    assertEquals(Word256.ZERO, reloaded.storage(A, K), "a zeroed slot is deleted from the trie");
    assertEquals(Word256.fromHex("0x08"), reloaded.storage(A, Word256.fromHex("0x02")));
    assertEquals(Word256.ZERO, s.storage(A, K), "and not re-read from the old trie in memory");
    assertEquals(2, reloaded.code(A).length);

    WorldState full = new WorldState();
    full.putCommitted(A, 3, BigInteger.TEN, new byte[] {0x60, 0x00},
        Map.of(Word256.fromHex("0x02"), Word256.fromHex("0x08")));
    full.putCommitted(B, 0, BigInteger.ONE, new byte[0], Map.of());
    assertEquals(StateRoots.compute(full), root1);
  }

  @Test
  void inMemoryStateRefusesToCommit() {
    assertThrows(IllegalStateException.class, () -> new WorldState().commit());
  }

  @Test
  void emptyStateHasTheEmptyTrieRoot() {
    assertEquals(Account.EMPTY_STORAGE_ROOT, StateRoots.compute(new WorldState()));
  }
}
