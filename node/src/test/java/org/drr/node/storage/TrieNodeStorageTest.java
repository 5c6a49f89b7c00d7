package org.drr.node.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.trie.MissingNodeException;
import org.drr.node.trie.NodeBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrieNodeStorageTest {
  @TempDir Path dir;

  private static byte[] node(String text) {
    return text.getBytes(UTF_8);
  }

  private static Bytes32 hashOf(byte[] encoding) {
    return Keccak256.hash(Bytes.wrap(encoding));
  }

  @Test
  void storedNodesAreReadableAfterReopen() {
    byte[] a = node("node a with some content to be longer");
    byte[] b = node("node b");
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES))) {
      NodeBatch batch = new NodeBatch();
      batch.put(hashOf(a), a);
      batch.put(hashOf(b), b);
      new TrieNodeStorage(storage, 16).putAll(batch);
    }
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 16);
      assertArrayEquals(a, nodes.get(hashOf(a)).orElseThrow());
      assertArrayEquals(b, nodes.get(hashOf(b)).orElseThrow());
      assertTrue(nodes.get(hashOf(node("never stored"))).isEmpty());
    }
  }

  /** A trie of 100 keys, "key i" to "value i", committed into {@code batch}. */
  private static Bytes32 hundredKeys(TrieNodeStorage nodes, NodeBatch batch) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(nodes);
    for (int i = 0; i < 100; i++) {
      trie.put(hashOf(node("key " + i)), Bytes.wrap(node("value " + i)));
    }
    return trie.commit(batch);
  }

  @Test
  void triesOverTheStorageShareItsDecodedNodeCache() {
    Bytes32 root;
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 1024);
      NodeBatch batch = new NodeBatch();
      root = hundredKeys(nodes, batch);
      nodes.putAll(batch);
    }
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 1024); // reopened: nothing cached
      Bytes key = hashOf(node("key 7"));
      new MerklePatriciaTrie(nodes, root).get(key);
      long loaded = nodes.nodeCache().misses();
      assertTrue(loaded >= 2, "a lookup in 100 keys crosses at least a branch and a leaf");
      assertEquals(0, nodes.nodeCache().hits());
      assertEquals(
          Bytes.wrap(node("value 7")), new MerklePatriciaTrie(nodes, root).get(key).orElseThrow());
      assertEquals(loaded, nodes.nodeCache().hits(), "the second trie finds every node cached");
      assertEquals(loaded, nodes.nodeCache().misses());
    }
  }

  @Test
  void nodesOfAWriteThatLandedAreCachedAndThoseOfAFailedWriteAreNot() {
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 1024);
      Bytes key = hashOf(node("key 7"));

      NodeBatch failed = new NodeBatch();
      Bytes32 root = hundredKeys(nodes, failed);
      nodes.holdUnwritten(failed);
      nodes.releaseUnwritten(failed, false); // its write never landed
      assertEquals(0, nodes.nodeCache().size());
      assertThrows(MissingNodeException.class, () -> new MerklePatriciaTrie(nodes, root).get(key));

      NodeBatch landed = new NodeBatch();
      assertEquals(root, hundredKeys(nodes, landed));
      nodes.holdUnwritten(landed);
      try (StorageTransaction tx = storage.startTransaction()) {
        nodes.stage(landed, tx);
        tx.commit();
      }
      nodes.releaseUnwritten(landed, true);
      long missesBefore = nodes.nodeCache().misses();
      long hitsBefore = nodes.nodeCache().hits();
      assertEquals(Bytes.wrap(node("value 7")), new MerklePatriciaTrie(nodes, root).get(key).orElseThrow());
      assertEquals(missesBefore, nodes.nodeCache().misses(), "the nodes were cached when written");
      // cached as a read decodes them, children by hash, each found in the cache on the way down
      assertTrue(nodes.nodeCache().hits() >= hitsBefore + 2, "hits: " + (nodes.nodeCache().hits() - hitsBefore));
    }
  }

  @Test
  void stagedNodesCommitAtomicallyWithOtherColumns() {
    Column head = new Column("test-head");
    byte[] a = node("a staged node");
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES, head))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 16);
      NodeBatch batch = new NodeBatch();
      batch.put(hashOf(a), a);
      try (StorageTransaction tx = storage.startTransaction()) {
        nodes.stage(batch, tx);
        tx.put(head, node("head"), hashOf(a).toArrayUnsafe());
        assertTrue(storage.get(Column.TRIE_NODES, hashOf(a).toArrayUnsafe()).isEmpty());
        tx.commit();
      }
      assertArrayEquals(a, storage.get(Column.TRIE_NODES, hashOf(a).toArrayUnsafe()).get());
      assertArrayEquals(hashOf(a).toArrayUnsafe(), storage.get(head, node("head")).get());
    }
  }

  @Test
  void heldBatchesAreReadableUntilEachIsReleasedEvenWhenTheyShareNodes() {
    try (RocksDbStorage storage =
        RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES))) {
      TrieNodeStorage nodes = new TrieNodeStorage(storage, 1024);
      NodeBatch first = new NodeBatch();
      Bytes32 root = hundredKeys(nodes, first);
      NodeBatch second = new NodeBatch(); // the same nodes, as a later block may write again
      assertEquals(root, hundredKeys(nodes, second));
      nodes.holdUnwritten(first);
      nodes.holdUnwritten(second);
      assertTrue(nodes.get(root).isPresent());

      nodes.releaseUnwritten(first, false); // its write failed: the second still holds them
      assertTrue(nodes.get(root).isPresent());

      nodes.releaseUnwritten(second, false);
      assertTrue(nodes.get(root).isEmpty());
    }
  }

  @Test
  void refusesStorageWithoutTheTrieNodeColumn() {
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(Column.CODE))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new TrieNodeStorage(storage));
      assertTrue(e.getMessage().contains("trie-nodes"), e.getMessage());
    }
  }
}
