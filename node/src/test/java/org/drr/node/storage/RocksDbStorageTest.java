package org.drr.node.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStorageTest {
  private static final Column HEADERS = new Column("test-headers");

  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private RocksDbStorage open(Column... columns) {
    return RocksDbStorage.open(dir, StorageOptions.durable(columns));
  }

  @Test
  void committedWritesSurviveCloseAndReopen() {
    try (RocksDbStorage storage = open(Column.TRIE_NODES, Column.CODE)) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(Column.TRIE_NODES, b("k1"), b("node"));
        tx.put(Column.CODE, b("k1"), b("code"));
        tx.commit();
      }
    }
    try (RocksDbStorage storage = open(Column.TRIE_NODES, Column.CODE)) {
      assertArrayEquals(b("node"), storage.get(Column.TRIE_NODES, b("k1")).orElseThrow());
      assertArrayEquals(b("code"), storage.get(Column.CODE, b("k1")).orElseThrow());
    }
  }

  @Test
  void nothingIsVisibleBeforeCommitAndADiscardedTransactionLeavesNoTrace() {
    try (RocksDbStorage storage = open(Column.TRIE_NODES, Column.CODE)) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(Column.TRIE_NODES, b("a"), b("1"));
        tx.put(Column.CODE, b("b"), b("2"));
        assertTrue(storage.get(Column.TRIE_NODES, b("a")).isEmpty());
        assertTrue(storage.get(Column.CODE, b("b")).isEmpty());
        tx.commit();
        assertArrayEquals(b("1"), storage.get(Column.TRIE_NODES, b("a")).orElseThrow());
        assertArrayEquals(b("2"), storage.get(Column.CODE, b("b")).orElseThrow());
      }
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(Column.TRIE_NODES, b("a"), b("changed"));
        tx.delete(Column.CODE, b("b"));
      }
      assertArrayEquals(b("1"), storage.get(Column.TRIE_NODES, b("a")).orElseThrow());
      assertArrayEquals(b("2"), storage.get(Column.CODE, b("b")).orElseThrow());
    }
  }

  @Test
  void deleteRemovesAKeyAndLaterWritesInATransactionWin() {
    try (RocksDbStorage storage = open(Column.CODE)) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(Column.CODE, b("x"), b("1"));
        tx.put(Column.CODE, b("y"), b("1"));
        tx.put(Column.CODE, b("y"), b("2"));
        tx.commit();
      }
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.delete(Column.CODE, b("x"));
        tx.delete(Column.CODE, b("never-written"));
        tx.commit();
      }
      assertTrue(storage.get(Column.CODE, b("x")).isEmpty());
      assertArrayEquals(b("2"), storage.get(Column.CODE, b("y")).orElseThrow());
    }
  }

  @Test
  void columnsAreSeparateKeyspaces() {
    try (RocksDbStorage storage = open(Column.TRIE_NODES, Column.CODE)) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(Column.TRIE_NODES, b("same"), b("trie"));
        tx.commit();
      }
      assertTrue(storage.get(Column.CODE, b("same")).isEmpty());
    }
  }

  @Test
  void scanVisitsOnlyThePrefixInKeyOrderAndStopsWhenAsked() {
    try (RocksDbStorage storage = open(Column.CODE)) {
      try (StorageTransaction tx = storage.startTransaction()) {
        for (String key : List.of("b2", "a1", "b1", "b3", "c1", "b\u00ff")) {
          tx.put(Column.CODE, b(key), b("v" + key));
        }
        tx.commit();
      }
      List<String> seen = new ArrayList<>();
      storage.scan(Column.CODE, b("b"), (k, v) -> seen.add(new String(k, UTF_8)));
      assertEquals(List.of("b1", "b2", "b3", "b\u00ff"), seen);

      List<String> firstTwo = new ArrayList<>();
      storage.scan(
          Column.CODE,
          new byte[0],
          (k, v) -> {
            firstTwo.add(new String(k, UTF_8));
            return firstTwo.size() < 2;
          });
      assertEquals(List.of("a1", "b1"), firstTwo);
    }
  }

  @Test
  void aSecondHandleOnAnOpenDatabaseIsRefusedAsLocked() {
    try (RocksDbStorage first = open(Column.CODE)) {
      StorageException e = assertThrows(StorageException.class, () -> open(Column.CODE));
      assertTrue(e.getMessage().contains("locked"), e.getMessage());
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
      assertEquals(dir, e.path());
      // The refused open must not disturb the first handle.
      try (StorageTransaction tx = first.startTransaction()) {
        tx.put(Column.CODE, b("k"), b("v"));
        tx.commit();
      }
      assertArrayEquals(b("v"), first.get(Column.CODE, b("k")).orElseThrow());
    }
  }

  @Test
  void aCorruptDatabaseIsReportedAsCorrupt() throws IOException {
    try (RocksDbStorage storage = open(Column.CODE)) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(Column.CODE, b("k"), b("v"));
        tx.commit();
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path manifest :
          files.filter(p -> p.getFileName().toString().startsWith("MANIFEST")).toList()) {
        Files.write(manifest, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
      }
    }
    StorageException e = assertThrows(StorageException.class, () -> open(Column.CODE));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void columnsNotOpenedAreRefusedWithTheOpenOnesNamed() {
    try (RocksDbStorage storage = open(Column.CODE)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> storage.get(Column.TRIE_NODES, b("k")));
      assertTrue(e.getMessage().contains("trie-nodes"), e.getMessage());
      assertTrue(e.getMessage().contains("code"), e.getMessage());
    }
  }

  @Test
  void reopeningWithFewerOrMoreColumnsKeepsTheOthersIntact() {
    try (RocksDbStorage storage = open(Column.CODE, HEADERS)) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(HEADERS, b("h"), b("header"));
        tx.commit();
      }
    }
    try (RocksDbStorage storage = open(Column.CODE, Column.TRIE_NODES)) {
      assertFalse(storage.columns().contains(HEADERS));
    }
    try (RocksDbStorage storage = open(HEADERS)) {
      assertArrayEquals(b("header"), storage.get(HEADERS, b("h")).orElseThrow());
    }
  }

  @Test
  void useAfterCloseAndAfterCommitIsRefused() {
    RocksDbStorage storage = open(Column.CODE);
    StorageTransaction tx = storage.startTransaction();
    tx.put(Column.CODE, b("k"), b("v"));
    tx.commit();
    assertThrows(IllegalStateException.class, () -> tx.put(Column.CODE, b("k"), b("v")));
    assertThrows(IllegalStateException.class, tx::commit);
    tx.close();
    storage.close();
    storage.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> storage.get(Column.CODE, b("k")));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(IllegalStateException.class, storage::startTransaction);
  }

  @Test
  void asynchronousWritesAreReadableAfterReopen() {
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.fast(Column.CODE))) {
      try (StorageTransaction tx = storage.startTransaction()) {
        tx.put(Column.CODE, b("k"), b("v"));
        tx.commit();
      }
    }
    try (RocksDbStorage storage = open(Column.CODE)) {
      assertArrayEquals(b("v"), storage.get(Column.CODE, b("k")).orElseThrow());
    }
  }

  @Test
  void reportsTheSizeOfWhatWasWritten() {
    try (RocksDbStorage storage = open(Column.CODE, Column.TRIE_NODES)) {
      long empty = storage.approximateSizeBytes(Column.CODE); // an empty memtable's arena
      try (StorageTransaction tx = storage.startTransaction()) {
        for (int i = 0; i < 100; i++) {
          tx.put(Column.CODE, b("key" + i), new byte[1000]);
        }
        tx.commit();
      }
      long code = storage.approximateSizeBytes(Column.CODE);
      assertTrue(code >= empty + 100_000, "100 KB written, reported " + code + " from " + empty);
      assertTrue(storage.approximateSizeBytes() >= code);
    }
  }

  /** Readers racing a close get a clear error, never a use of freed native handles. */
  @Test
  void closingWhileOthersReadIsSafe() throws Exception {
    RocksDbStorage storage = open(Column.CODE);
    try (StorageTransaction tx = storage.startTransaction()) {
      tx.put(Column.CODE, b("k"), b("v"));
      tx.commit();
    }
    AtomicReference<Throwable> unexpected = new AtomicReference<>();
    CountDownLatch reading = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try {
                while (true) {
                  storage.get(Column.CODE, b("k"));
                  reading.countDown();
                }
              } catch (IllegalStateException closed) {
                // expected once close() has run
              } catch (Throwable other) {
                unexpected.set(other);
              }
            });
    reader.start();
    reading.await();
    storage.close();
    reader.join(10_000);
    assertFalse(reader.isAlive());
    assertEquals(null, unexpected.get());
  }

  @Test
  void badColumnNamesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Column(" "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Column("default"));
    assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> StorageOptions.durable(Column.CODE, Column.CODE));
  }
}
