package org.drr.node.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {
  private static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Keys of 0-4 bytes over a tiny alphabet, so prefixes, shared paths and collisions abound. */
  private static Bytes randomKey(Random random) {
    byte[] key = new byte[random.nextInt(5)];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (random.nextInt(3) * 0x11 + random.nextInt(2));
    }
    return Bytes.wrap(key);
  }

  private static Bytes randomValue(Random random) {
    byte[] value = new byte[1 + random.nextInt(random.nextBoolean() ? 4 : 40)];
    random.nextBytes(value);
    return Bytes.wrap(value);
  }

  private static TreeMap<Bytes, Bytes> sortedMap() {
    return new TreeMap<>((a, b) -> Arrays.compareUnsigned(a.toArrayUnsafe(), b.toArrayUnsafe()));
  }

  private static Bytes32 rootOf(Map<Bytes, Bytes> contents) {
    MerklePatriciaTrie fresh = new MerklePatriciaTrie(new InMemoryNodeStore());
    contents.forEach(fresh::put);
    return fresh.rootHash();
  }

  @Test
  void theEmptyTrieHasTheWellKnownRoot() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    assertEquals(
        "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        trie.rootHash().toHexString());
    assertTrue(trie.isEmpty());
    assertEquals(Optional.empty(), trie.get(text("anything")));
  }

  @Test
  void putGetAndOverwrite() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    trie.put(text("do"), text("verb"));
    trie.put(text("dog"), text("puppy"));
    trie.put(text("doge"), text("coin"));
    trie.put(text("horse"), text("stallion"));
    assertEquals(
        "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
        trie.rootHash().toHexString());
    assertEquals(Optional.of(text("puppy")), trie.get(text("dog")));
    assertEquals(Optional.empty(), trie.get(text("d")));
    assertEquals(Optional.empty(), trie.get(text("dogs")));
    trie.put(text("dog"), text("hound"));
    assertEquals(Optional.of(text("hound")), trie.get(text("dog")));
  }

  @Test
  void deletingEverythingReturnsToTheEmptyRoot() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    List<String> keys = List.of("a", "ab", "abc", "b", "", "abd", "zz");
    keys.forEach(k -> trie.put(text(k), text("v" + k)));
    keys.forEach(k -> trie.delete(text(k)));
    assertEquals(MerklePatriciaTrie.EMPTY_TRIE_ROOT, trie.rootHash());
    assertTrue(trie.isEmpty());
  }

  @Test
  void anEmptyValueDeletesAndDeletingAnAbsentKeyChangesNothing() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    trie.put(text("key"), text("value"));
    trie.put(text("other"), text("value"));
    Bytes32 before = trie.rootHash();
    trie.delete(text("missing"));
    trie.delete(text("ke"));
    trie.delete(text("keys"));
    assertEquals(before, trie.rootHash());
    trie.put(text("key"), Bytes.EMPTY);
    assertEquals(Optional.empty(), trie.get(text("key")));
    assertEquals(rootOf(Map.of(text("other"), text("value"))), trie.rootHash());
  }

  /**
   * The defining property of a correct delete: after any sequence of puts and deletes the root is
   * the root of a trie built fresh from the surviving entries.
   */
  @Test
  void randomUpdatesMatchAFreshTrieOfTheSameContents() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
      TreeMap<Bytes, Bytes> expected = sortedMap();
      for (int op = 0; op < 40; op++) {
        Bytes key = randomKey(random);
        if (random.nextInt(3) == 0) {
          trie.delete(key);
          expected.remove(key);
        } else {
          Bytes value = randomValue(random);
          trie.put(key, value);
          expected.put(key, value);
        }
      }
      assertEquals(rootOf(expected), trie.rootHash(), "round " + round + ": " + expected);
      for (Map.Entry<Bytes, Bytes> entry : expected.entrySet()) {
        assertEquals(Optional.of(entry.getValue()), trie.get(entry.getKey()));
      }
    }
  }

  @Test
  void committedTriesReopenLazilyAndWriteOnlyWhatChanged() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    for (int i = 0; i < 500; i++) {
      trie.put(Keccak256.hash(Bytes.ofUnsignedInt(i)), text("account " + i));
    }
    Bytes32 root = trie.commit();
    int stored = store.size();
    assertEquals(root, trie.commit());
    assertEquals(stored, store.size(), "a commit without changes writes nothing");

    MerklePatriciaTrie reopened = new MerklePatriciaTrie(store, root);
    assertEquals(
        Optional.of(text("account 7")), reopened.get(Keccak256.hash(Bytes.ofUnsignedInt(7))));
    reopened.put(Keccak256.hash(Bytes.ofUnsignedInt(7)), text("changed"));
    Bytes32 changedRoot = reopened.commit();
    assertNotEquals(root, changedRoot);
    // One leaf changed: only the nodes on its path (root, a branch or two, the leaf) are new.
    assertTrue(store.size() - stored <= 4, "wrote " + (store.size() - stored) + " nodes");

    MerklePatriciaTrie old = new MerklePatriciaTrie(store, root);
    assertEquals(Optional.of(text("account 7")), old.get(Keccak256.hash(Bytes.ofUnsignedInt(7))));
    MerklePatriciaTrie latest = new MerklePatriciaTrie(store, changedRoot);
    assertEquals(Optional.of(text("changed")), latest.get(Keccak256.hash(Bytes.ofUnsignedInt(7))));
    assertEquals(changedRoot, latest.rootHash());
  }

  @Test
  void deletesOnAReopenedTrieCollapseThroughUnloadedNodes() {
    Random random = new Random(11);
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    TreeMap<Bytes, Bytes> expected = sortedMap();
    for (int i = 0; i < 300; i++) {
      Bytes key = Bytes.wrap(new byte[] {(byte) random.nextInt(8), (byte) random.nextInt(256)});
      Bytes value = randomValue(random);
      trie.put(key, value);
      expected.put(key, value);
    }
    Bytes32 root = trie.commit();
    MerklePatriciaTrie reopened = new MerklePatriciaTrie(store, root);
    List<Bytes> keys = new ArrayList<>(expected.keySet());
    for (int i = 0; i < keys.size(); i += 2) {
      reopened.delete(keys.get(i));
      expected.remove(keys.get(i));
    }
    assertEquals(rootOf(expected), reopened.rootHash());
    Bytes32 afterDeletes = reopened.commit();
    MerklePatriciaTrie again = new MerklePatriciaTrie(store, afterDeletes);
    for (Map.Entry<Bytes, Bytes> entry : expected.entrySet()) {
      assertEquals(Optional.of(entry.getValue()), again.get(entry.getKey()));
    }
  }

  @Test
  void aTinyRootIsStoredByHashToo() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    trie.put(text("a"), text("b")); // the root leaf encodes to 4 bytes
    Bytes32 root = trie.commit();
    assertEquals(Optional.of(text("b")), new MerklePatriciaTrie(store, root).get(text("a")));
  }

  @Test
  void aMissingNodeIsReportedWithItsHash() {
    Bytes32 unknown = Keccak256.hash(text("no such node"));
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore(), unknown);
    MissingNodeException e = assertThrows(MissingNodeException.class, () -> trie.get(text("k")));
    assertEquals(unknown, e.hash());
    assertTrue(e.getMessage().contains(unknown.toHexString()));
  }

  @Test
  void aMalformedStoredNodeIsReportedNotRead() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    byte[] garbage = {(byte) 0xc3, (byte) 0x80, (byte) 0x80, (byte) 0x80}; // a 3-item list
    Bytes32 hash = Keccak256.hash(Bytes.wrap(garbage));
    NodeBatch batch = new NodeBatch();
    batch.put(hash, garbage);
    store.putAll(batch);
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store, hash);
    MalformedNodeException e =
        assertThrows(MalformedNodeException.class, () -> trie.get(text("k")));
    assertTrue(e.getMessage().contains(hash.toHexString()), e.getMessage());
    assertTrue(e.getMessage().contains("found 3"), e.getMessage());
  }

  @Test
  void forEachFromVisitsEntriesInKeyOrderFromTheStart() {
    Random random = new Random(3);
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    TreeMap<Bytes, Bytes> expected = sortedMap();
    for (int i = 0; i < 200; i++) {
      Bytes key = randomKey(random);
      Bytes value = randomValue(random);
      trie.put(key, value);
      expected.put(key, value);
    }
    MerklePatriciaTrie reopened = new MerklePatriciaTrie(store, trie.commit());
    for (int round = 0; round < 50; round++) {
      Bytes start = randomKey(random);
      List<Bytes> seen = new ArrayList<>();
      reopened.forEachFrom(
          start,
          (k, v) -> {
            assertEquals(expected.get(k), v);
            return seen.add(k);
          });
      assertEquals(new ArrayList<>(expected.tailMap(start, true).keySet()), seen, "from " + start);
    }
    List<Bytes> firstThree = new ArrayList<>();
    trie.forEachFrom(Bytes.EMPTY, (k, v) -> firstThree.add(k) && firstThree.size() < 3);
    assertEquals(new ArrayList<>(expected.keySet()).subList(0, 3), firstThree);
    assertFalse(firstThree.isEmpty());
  }
}
