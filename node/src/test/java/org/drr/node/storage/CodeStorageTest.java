package org.drr.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeStorageTest {
  @TempDir Path dir;

  @Test
  void codeIsStoredByItsHashAndReadAfterReopen() {
    Bytes code = Bytes.fromHexString("0x6080604052348015600f57600080fd5b50");
    Bytes32 hash;
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(Column.CODE))) {
      CodeStorage codes = new CodeStorage(storage);
      try (StorageTransaction tx = storage.startTransaction()) {
        hash = codes.stage(code, tx);
        tx.commit();
      }
      assertEquals(Keccak256.hash(code), hash);
    }
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(Column.CODE))) {
      CodeStorage codes = new CodeStorage(storage, 2);
      assertEquals(Optional.of(code), codes.get(hash));
      assertEquals(Optional.of(code), codes.get(hash));
      assertEquals(Optional.empty(), codes.get(Keccak256.hash(Bytes.of(1))));
    }
  }

  @Test
  void emptyCodeIsImplicitAndNeverWritten() {
    try (RocksDbStorage storage = RocksDbStorage.open(dir, StorageOptions.durable(Column.CODE))) {
      CodeStorage codes = new CodeStorage(storage);
      try (StorageTransaction tx = storage.startTransaction()) {
        assertEquals(Keccak256.EMPTY, codes.stage(Bytes.EMPTY, tx));
        tx.commit();
      }
      assertTrue(storage.get(Column.CODE, Keccak256.EMPTY.toArrayUnsafe()).isEmpty());
      assertEquals(Optional.of(Bytes.EMPTY), codes.get(Keccak256.EMPTY));
    }
  }
}
