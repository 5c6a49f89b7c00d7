package org.drr.node.evm;

/** The JUMPDEST positions of a piece of code that are not inside PUSH data. */
public final class JumpDestinations {
  private final long[] bits;

  private JumpDestinations(long[] bits) {
    this.bits = bits;
  }

  /** Scans code once, skipping PUSH1..PUSH32 immediates. */
  public static JumpDestinations analyze(byte[] code) {
    long[] bits = new long[(code.length >>> 6) + 1];
    int i = 0;
    while (i < code.length) {
      int op = code[i] & 0xFF;
      if (op == Opcodes.JUMPDEST) {
        bits[i >>> 6] |= 1L << (i & 63);
        i++;
      } else if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
        i += op - Opcodes.PUSH1 + 2;
      } else {
        i++;
      }
    }
    return new JumpDestinations(bits);
  }

  public boolean isValid(int position) {
    return (bits[position >>> 6] & (1L << (position & 63))) != 0;
  }
}
