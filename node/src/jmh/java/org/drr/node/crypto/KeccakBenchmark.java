package org.drr.node.crypto;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Keccak-256 for a 32-byte word (a storage key), one full rate block and 1 KiB: our sponge
 * against BouncyCastle's digest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeccakBenchmark {
  @Param({"32", "136", "1024"})
  int size;

  byte[] input;

  @Setup
  public void setUp() {
    input = new byte[size];
    new Random(size).nextBytes(input);
  }

  @Benchmark
  public byte[] keccak256() {
    return Keccak256.hash(input, 0, input.length);
  }

  /** The BouncyCastle digest Keccak256 used before its own sponge, as a baseline. */
  @Benchmark
  public byte[] bouncyCastleKeccak() {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
