package org.drr.node.trie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Keccak256;
import org.drr.node.storage.Column;
import org.drr.node.storage.RocksDbStorage;
import org.drr.node.storage.StorageOptions;
import org.drr.node.storage.TrieNodeStorage;
import org.drr.node.types.Account;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The state trie on RocksDB at registry scale: 100,000 accounts (RLP-encoded, under keccak256 of
 * their address, as in the state trie) inserted and committed in one durable batch into a fresh
 * database; and the same 100,000 accounts read back by address through a trie reopened at the
 * committed root (nodes loaded lazily through the node cache).
 *
 * <p>Run: {@code mvn -B -pl node -Pbench package} then {@code java -jar node/target/benchmarks.jar
 * TrieCommitBenchmark -f 1 -wi 1 -i 3} (or see docs/benchmarks.md for the command used).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrieCommitBenchmark {
  static final int ACCOUNTS = 100_000;

  /** The accounts: keys and encoded values computed once, outside the measurement. */
  @State(Scope.Benchmark)
  public static class Accounts {
    Bytes[] addresses;
    Bytes32[] keys;
    Bytes[] values;

    @Setup(Level.Trial)
    public void create() {
      addresses = new Bytes[ACCOUNTS];
      keys = new Bytes32[ACCOUNTS];
      values = new Bytes[ACCOUNTS];
      for (int i = 0; i < ACCOUNTS; i++) {
        addresses[i] = Keccak256.hash(Bytes.ofUnsignedInt(i)).slice(12);
        keys[i] = Keccak256.hash(addresses[i]);
        values[i] =
            Account.EMPTY
                .withNonce(i % 50)
                .withBalance(UInt256.valueOf(1_000_000_000L + i))
                .encode();
      }
    }
  }

  /** A fresh, empty database per iteration, so every commit writes 100,000 accounts' nodes. */
  @State(Scope.Benchmark)
  public static class EmptyDatabase {
    Path dir;
    RocksDbStorage storage;
    TrieNodeStorage nodes;

    @Setup(Level.Iteration)
    public void open() throws IOException {
      dir = Files.createTempDirectory("drr-trie-bench");
      storage = RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES));
      nodes = new TrieNodeStorage(storage);
    }

    @TearDown(Level.Iteration)
    public void close() {
      storage.close();
      deleteRecursively(dir);
    }
  }

  /** A database holding the committed 100,000 accounts, and its root. */
  @State(Scope.Benchmark)
  public static class FilledDatabase {
    Path dir;
    RocksDbStorage storage;
    TrieNodeStorage nodes;
    Bytes32 root;

    @Setup(Level.Trial)
    public void fill(Accounts accounts) throws IOException {
      dir = Files.createTempDirectory("drr-trie-bench");
      storage = RocksDbStorage.open(dir, StorageOptions.durable(Column.TRIE_NODES));
      nodes = new TrieNodeStorage(storage);
      MerklePatriciaTrie trie = new MerklePatriciaTrie(nodes);
      for (int i = 0; i < ACCOUNTS; i++) {
        trie.put(accounts.keys[i], accounts.values[i]);
      }
      root = trie.commit();
    }

    @TearDown(Level.Trial)
    public void close() {
      storage.close();
      deleteRecursively(dir);
    }
  }

  /** Insert 100,000 accounts into an empty trie and commit them to RocksDB: ms per 100,000. */
  @Benchmark
  public Bytes32 commit100kAccounts(Accounts accounts, EmptyDatabase database) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(database.nodes);
    for (int i = 0; i < ACCOUNTS; i++) {
      trie.put(accounts.keys[i], accounts.values[i]);
    }
    return trie.commit();
  }

  /** Read 100,000 accounts by address from the committed state trie: ms per 100,000. */
  @Benchmark
  public void read100kAccounts(Accounts accounts, FilledDatabase database, Blackhole sink) {
    SecureMerklePatriciaTrie state = new SecureMerklePatriciaTrie(database.nodes, database.root);
    for (int i = 0; i < ACCOUNTS; i++) {
      sink.consume(state.get(accounts.addresses[i]).orElseThrow());
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
