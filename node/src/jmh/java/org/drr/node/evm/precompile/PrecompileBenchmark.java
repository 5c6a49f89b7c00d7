package org.drr.node.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.ProofAndY;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.drr.node.fork.Fork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The expensive precompiles at their Cancun prices. Divide the gas of a call (in each method's
 * comment) by its time to get Mgas/s; geth's targets are in the tens of Mgas/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrecompileBenchmark {
  private static final String G1 = "%064x%064x".formatted(1, 2);
  private static final String MINUS_G1 = "%064x".formatted(1)
      + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45";
  private static final String TWO_G1 =
      "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
          + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";
  private static final String G2 =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
          + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

  private final Precompile add = Precompiles.forAddress(6, Fork.CANCUN);
  private final Precompile mul = Precompiles.forAddress(7, Fork.CANCUN);
  private final Precompile pairing = Precompiles.forAddress(8, Fork.CANCUN);
  private final Precompile modexp = Precompiles.forAddress(5, Fork.CANCUN);
  private final Precompile blake2f = Precompiles.forAddress(9, Fork.CANCUN);
  private final Precompile pointEvaluation = Precompiles.forAddress(10, Fork.CANCUN);

  private byte[] addInput;
  private byte[] mulInput;
  private byte[] pairingInput;
  private byte[] modexpInput;
  private byte[] blake2fInput;
  private byte[] pointEvaluationInput;

  @Setup
  public void setUp() {
    HexFormat hex = HexFormat.of();
    addInput = hex.parseHex(G1 + TWO_G1);
    mulInput = hex.parseHex(TWO_G1 + "ff".repeat(32));
    pairingInput = hex.parseHex(TWO_G1 + G2 + MINUS_G1 + G2 + MINUS_G1 + G2);
    Random random = new Random(1);
    byte[] operand = new byte[256];
    ByteArrayOutputStream modexpBytes = new ByteArrayOutputStream();
    modexpBytes.writeBytes(hex.parseHex("%064x%064x%064x".formatted(256, 256, 256)));
    for (int i = 0; i < 3; i++) {
      random.nextBytes(operand);
      operand[0] |= (byte) 0x80;
      modexpBytes.writeBytes(operand);
    }
    modexpInput = modexpBytes.toByteArray();
    blake2fInput = new byte[Blake2F.INPUT_LENGTH];
    random.nextBytes(blake2fInput);
    blake2fInput[0] = 0;
    blake2fInput[1] = 0;
    blake2fInput[2] = 0;
    blake2fInput[3] = 12;
    blake2fInput[212] = 1;
    pointEvaluationInput = pointEvaluationInput(random);
  }

  private static byte[] pointEvaluationInput(Random random) {
    KzgSetup.ensureLoaded();
    byte[] blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    random.nextBytes(blob);
    for (int i = 0; i < blob.length; i += 32) {
      blob[i] = 0;
    }
    byte[] commitment = CKZG4844JNI.blobToKzgCommitment(blob);
    byte[] z = new byte[32];
    z[31] = 7;
    ProofAndY opening = CKZG4844JNI.computeKzgProof(blob, z);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PointEvaluation.versionedHash(commitment));
    out.writeBytes(z);
    out.writeBytes(opening.getY());
    out.writeBytes(commitment);
    out.writeBytes(opening.getProof());
    return out.toByteArray();
  }

  /** 150 gas. */
  @Benchmark
  public byte[] bn254Add() {
    return add.run(addInput);
  }

  /** 6,000 gas; a full 256-bit scalar. */
  @Benchmark
  public byte[] bn254Mul() {
    return mul.run(mulInput);
  }

  /** 45,000 + 3 × 34,000 = 147,000 gas. */
  @Benchmark
  public byte[] bn254PairingThreePairs() {
    return pairing.run(pairingInput);
  }

  /** 2048-bit base, exponent and modulus: EIP-2565 price 32² × 2047 / 3 = 698,709 gas. */
  @Benchmark
  public byte[] modexp2048() {
    return modexp.run(modexpInput);
  }

  /** 12 gas. */
  @Benchmark
  public byte[] blake2f12Rounds() {
    return blake2f.run(blake2fInput);
  }

  /** 50,000 gas. */
  @Benchmark
  public byte[] kzgPointEvaluation() {
    return pointEvaluation.run(pointEvaluationInput);
  }
}
