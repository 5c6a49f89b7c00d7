package org.drr.node.evm;

/**
 * A compute-bound contract for benchmarks: {@code iterations} rounds of
 * acc = acc*acc + 42; acc ^= acc >> 5 over 256-bit words, then STOP. Each round costs 58 gas,
 * plus 6 gas of set-up, so the gas is exact and known in advance.
 */
public final class ComputeLoop {
  public static final long GAS_PER_ITERATION = 58;

  private ComputeLoop() {}

  /** The bytecode; {@code iterations} must be below 2^24. */
  public static byte[] code(int iterations) {
    int n = iterations;
    return new byte[] {
      0x60, 0x03, // PUSH1 3                 acc
      0x62, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n, // PUSH3 n    counter
      0x5b, // 6: JUMPDEST                   [acc, c]
      (byte) 0x90, // SWAP1                  [c, acc]
      (byte) 0x80, 0x02, // DUP1 MUL         [c, acc*acc]
      0x60, 0x2a, 0x01, // PUSH1 42 ADD
      (byte) 0x80, 0x60, 0x05, 0x1c, 0x18, // DUP1 PUSH1 5 SHR XOR
      (byte) 0x90, // SWAP1                  [acc, c]
      0x60, 0x01, (byte) 0x90, 0x03, // PUSH1 1 SWAP1 SUB   [acc, c-1]
      (byte) 0x80, 0x61, 0x00, 0x06, 0x57, // DUP1 PUSH2 6 JUMPI
      0x00 // STOP
    };
  }

  /** Gas the code uses when run as a frame (not counting any transaction costs). */
  public static long gas(int iterations) {
    return 3 + 3 + GAS_PER_ITERATION * iterations;
  }
}
