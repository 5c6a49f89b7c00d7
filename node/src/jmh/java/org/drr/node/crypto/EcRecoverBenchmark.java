package org.drr.node.crypto;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Public-key recovery (the ecrecover precompile and sender recovery): native vs BouncyCastle. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EcRecoverBenchmark {
  Bytes32 hash;
  Signature signature;

  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom(new byte[] {42});
    KeyPair pair = KeyPair.random(random);
    hash = Keccak256.hash(Bytes.wrap("drr ecrecover benchmark".getBytes()));
    signature = Secp256k1.sign(hash, pair.privateKey());
  }

  @Benchmark
  public Optional<Bytes> nativeLibsecp256k1() {
    return Secp256k1.recoverPublicKey(hash, signature);
  }

  @Benchmark
  public Optional<Bytes> bouncyCastle() {
    return BouncyCastleSecp256k1.recoverPublicKey(hash, signature);
  }
}
