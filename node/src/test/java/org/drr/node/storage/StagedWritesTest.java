package org.drr.node.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

class StagedWritesTest {
  private static final Column FIRST = new Column("staged-first");
  private static final Column SECOND = new Column("staged-second");

  @TempDir Path dir;

  private record Write(int column, byte[] key, byte[] value) {}

  /**
   * The encoding is byte for byte what RocksDB's own batch holds for the same writes in key order:
   * both columns, deletes, a key written three times, and values whose lengths take one, two and
   * three varint bytes.
   */
  @Test
  void encodesWhatRocksDbsOwnBatchHolds() throws RocksDBException {
    Random random = new Random(7);
    List<Write> writes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] value = i % 7 == 0 ? null : new byte[random.nextInt(3) * 150]; // 0, 150 or 300 bytes
      writes.add(new Write(1 + i % 2, randomKey(random), value));
    }
    byte[] repeated = randomKey(random);
    writes.add(new Write(1, repeated, new byte[] {1}));
    writes.add(new Write(1, repeated, null));
    writes.add(new Write(1, repeated, new byte[20_000]));
    StagedWrites staged = new StagedWrites();
    writes.forEach(w -> staged.add(w.column(), w.key(), w.value()));

    List<Write> inKeyOrder = new ArrayList<>(writes); // List.sort is stable
    inKeyOrder.sort(
        Comparator.comparingInt(Write::column).thenComparing(Write::key, Arrays::compareUnsigned));
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(FIRST, SECOND));
        WriteBatch expected = new WriteBatch()) {
      Map<Integer, Column> byId = Map.of(storage.columnId(FIRST), FIRST, storage.columnId(SECOND), SECOND);
      assertEquals(Map.of(1, FIRST, 2, SECOND), byId, "the test assumes these family ids");
      storage.whileOpen("building the expected batch in", null, () -> {
        for (Write w : inKeyOrder) {
          if (w.value() == null) {
            expected.delete(storage.handle(byId.get(w.column())), w.key());
          } else {
            expected.put(storage.handle(byId.get(w.column())), w.key(), w.value());
          }
        }
        return null;
      });
      assertArrayEquals(expected.data(), staged.encode());
    }
  }

  /**
   * Sorting never reorders the writes of one key: after 3,000 random puts and deletes of 60 keys,
   * some of which share their leading bytes or are prefixes of each other, the database holds what
   * applying them in order gives.
   */
  @Test
  void theLastWriteOfAKeyWins() {
    Random random = new Random(11);
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] key = randomKey(random);
      keys.add(key);
      keys.add(Arrays.copyOf(key, 5)); // shares the first 42 bits with the key
      keys.add(Arrays.copyOf(key, 33)); // the key and a zero byte
    }
    Map<String, byte[]> expected = new HashMap<>();
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(FIRST))) {
      try (StorageTransaction tx = storage.startTransaction()) {
        for (int i = 0; i < 3_000; i++) {
          byte[] key = keys.get(random.nextInt(keys.size()));
          if (random.nextInt(3) == 0) {
            tx.delete(FIRST, key);
            expected.remove(Arrays.toString(key));
          } else {
            byte[] value = {(byte) i, (byte) (i >> 8)};
            tx.put(FIRST, key, value);
            expected.put(Arrays.toString(key), value);
          }
        }
        tx.commit();
      }
      for (byte[] key : keys) {
        Optional<byte[]> stored = storage.get(FIRST, key);
        assertArrayEquals(expected.get(Arrays.toString(key)), stored.orElse(null), Arrays.toString(key));
      }
    }
  }

  @Test
  void anEmptyTransactionCommitsNothing() {
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(FIRST))) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.commit();
      }
      assertEquals(Optional.empty(), storage.get(FIRST, new byte[] {1}));
    }
  }

  @Test
  void nullKeysAndValuesAndTheDefaultFamilyAreRefused() {
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(FIRST));
        StorageTransaction tx = storage.startTransaction()) {
      assertThrows(NullPointerException.class, () -> tx.put(FIRST, new byte[] {1}, null));
      assertThrows(NullPointerException.class, () -> tx.put(FIRST, null, new byte[] {1}));
      assertThrows(NullPointerException.class, () -> tx.delete(FIRST, null));
    }
    assertThrows(IllegalArgumentException.class, () -> new StagedWrites().add(0, new byte[1], null));
  }

  private static byte[] randomKey(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }
}
