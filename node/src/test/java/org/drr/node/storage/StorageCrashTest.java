package org.drr.node.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILL at random moments, then reopen: every transaction the writer saw committed is there, in
 * full, in both columns, and the database opens cleanly. This is the storage half of issue 4's
 * guarantee (a block reported committed survives {@code kill -9}); it holds without sync writes
 * too, since the write-ahead log reaches the OS before commit returns.
 */
class StorageCrashTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "sync writes: {0}")
  @ValueSource(booleans = {false, true})
  void committedTransactionsSurviveSigkill(boolean sync) throws Exception {
    Random random = new Random(sync ? 1 : 2);
    for (int crash = 0; crash < 3; crash++) {
      Process writer =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashingWriter.class.getName(),
                  dir.toString(),
                  Boolean.toString(sync))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      long lastReported = 0;
      int killAfter = 20 + random.nextInt(200);
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
        for (int seen = 0; seen < killAfter; seen++) {
          String line = lines.readLine();
          if (line == null) {
            break;
          }
          lastReported = Long.parseLong(line);
        }
        writer.destroyForcibly(); // SIGKILL, mid-write most likely
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "writer did not die");
      }
      assertTrue(lastReported > 0, "the writer reported no commit before crash " + crash);

      try (RocksDbStorage storage =
          RocksDbStorage.open(
              dir, StorageOptions.durable(CrashingWriter.RECORDS, CrashingWriter.HEAD))) {
        long head = CrashingWriter.head(storage);
        assertTrue(
            head >= lastReported,
            "crash " + crash + ": head " + head + " lost commit " + lastReported);
        for (long n : List.of(1L, lastReported / 2 + 1, lastReported, head)) {
          assertArrayEquals(
              CrashingWriter.record(n),
              storage
                  .get(CrashingWriter.RECORDS, CrashingWriter.recordKey(n))
                  .orElseThrow(
                      () -> new AssertionError("record " + n + " missing below head " + head)),
              "record " + n);
        }
        assertTrue(
            storage.get(CrashingWriter.RECORDS, CrashingWriter.recordKey(head + 1)).isEmpty(),
            "a record beyond the head means the two columns were not written atomically");
      }
    }
  }
}
