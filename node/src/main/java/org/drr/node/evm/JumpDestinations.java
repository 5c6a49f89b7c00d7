package org.drr.node.evm;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** The JUMPDEST positions of a piece of code that are not inside PUSH data. */
public final class JumpDestinations {
  /**
   * Analyses of code arrays still in use, by identity (arrays do not override equals): a
   * contract's code array lives as long as its account in the state, so every transaction that
   * calls it shares one analysis instead of rescanning ~20 KB of code per call.
   */
  private static final Map<byte[], JumpDestinations> SHARED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final long[] bits;

  private JumpDestinations(long[] bits) {
    this.bits = bits;
  }

  /**
   * The analysis of {@code code}, shared with every other user of the same array. The array must
   * not be modified afterwards (state code arrays never are).
   */
  public static JumpDestinations of(byte[] code) {
    JumpDestinations known = SHARED.get(code);
    if (known == null) {
      known = analyze(code);
      SHARED.put(code, known);
    }
    return known;
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
