package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;
import org.drr.node.evm.gas.GasCosts;

/**
 * ADD, MUL, SUB, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP, SIGNEXTEND on 4-limb words. Operand
 * {@code a} is the top of the stack, {@code b} the next; the result replaces {@code b}. Everything is limb
 * arithmetic without allocation; wide division uses {@link org.drr.node.evm.WideDivision}.
 */
public final class Arithmetic {
  private Arithmetic() {}

  public static int add(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    addInto(w, a, b, b);
    s.sp = a;
    return Status.CONTINUE;
  }

  /** w[r..] = w[a..] + w[b..] mod 2^256 (r may alias a or b). */
  static void addInto(long[] w, int a, int b, int r) {
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long x = w[a + i];
      long s1 = x + w[b + i];
      long c1 = Long.compareUnsigned(s1, x) < 0 ? 1 : 0;
      long s2 = s1 + carry;
      long c2 = Long.compareUnsigned(s2, s1) < 0 ? 1 : 0;
      w[r + i] = s2;
      carry = c1 | c2;
    }
  }

  public static int sub(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    long borrow = 0;
    for (int i = 0; i < 4; i++) {
      long x = w[a + i];
      long y = w[b + i];
      long d1 = x - y;
      long b1 = Long.compareUnsigned(x, y) < 0 ? 1 : 0;
      long d2 = d1 - borrow;
      long b2 = Long.compareUnsigned(d1, borrow) < 0 ? 1 : 0;
      w[b + i] = d2;
      borrow = b1 | b2;
    }
    s.sp = a;
    return Status.CONTINUE;
  }

  public static int mul(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    mulInto(w, a, b, b, f.scratch);
    s.sp = a;
    return Status.CONTINUE;
  }

  /**
   * w[r..] = w[a..] * w[b..] mod 2^256 (r may alias a or b). Schoolbook by columns with a
   * three-limb accumulator in locals; products beyond column 3 are dropped. {@code scratch} is
   * unused and kept for call-site stability.
   */
  static void mulInto(long[] w, int a, int b, int r, long[] scratch) {
    long a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3];
    long b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
    long r0 = a0 * b0;
    long c0 = Math.unsignedMultiplyHigh(a0, b0);
    long c1 = 0;
    long c2 = 0;
    // column 1: a0*b1 + a1*b0 (hi halves carry into column 2, overflow of that into column 3)
    long lo = a0 * b1;
    long hi = Math.unsignedMultiplyHigh(a0, b1);
    c0 += lo;
    hi += Long.compareUnsigned(c0, lo) < 0 ? 1 : 0; // hi <= 2^64-2, cannot overflow
    c1 += hi;
    c2 += Long.compareUnsigned(c1, hi) < 0 ? 1 : 0;
    lo = a1 * b0;
    hi = Math.unsignedMultiplyHigh(a1, b0);
    c0 += lo;
    hi += Long.compareUnsigned(c0, lo) < 0 ? 1 : 0;
    c1 += hi;
    c2 += Long.compareUnsigned(c1, hi) < 0 ? 1 : 0;
    long r1 = c0;
    // column 2: a0*b2 + a1*b1 + a2*b0 (hi halves go to column 3; its overflow is dropped)
    c0 = c1;
    c1 = c2;
    lo = a0 * b2;
    c0 += lo;
    c1 += Math.unsignedMultiplyHigh(a0, b2) + (Long.compareUnsigned(c0, lo) < 0 ? 1 : 0);
    lo = a1 * b1;
    c0 += lo;
    c1 += Math.unsignedMultiplyHigh(a1, b1) + (Long.compareUnsigned(c0, lo) < 0 ? 1 : 0);
    lo = a2 * b0;
    c0 += lo;
    c1 += Math.unsignedMultiplyHigh(a2, b0) + (Long.compareUnsigned(c0, lo) < 0 ? 1 : 0);
    long r2 = c0;
    long r3 = c1 + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
    w[r] = r0;
    w[r + 1] = r1;
    w[r + 2] = r2;
    w[r + 3] = r3;
  }

  /**
   * log2 of the word at w[b..b+4) if it is a power of two, else -1. Solidity's legacy code
   * generator reads a packed storage field as a DIV of the slot by 2^(8 * offset), often beyond 64
   * bits (a field after an address divides by 2^160), so such divisions are common and need no
   * long division.
   */
  private static int powerOfTwo(long[] w, int b) {
    int log2 = -1;
    for (int i = 0; i < 4; i++) {
      long limb = w[b + i];
      if (limb != 0) {
        if (log2 >= 0 || (limb & (limb - 1)) != 0) {
          return -1;
        }
        log2 = 64 * i + Long.numberOfTrailingZeros(limb);
      }
    }
    return log2;
  }

  public static int div(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    int log2;
    if ((w[b] | w[b + 1] | w[b + 2] | w[b + 3]) == 0) {
      // x / 0 = 0: the result slot already holds zero.
    } else if ((w[a + 1] | w[a + 2] | w[a + 3] | w[b + 1] | w[b + 2] | w[b + 3]) == 0) {
      w[b] = Long.divideUnsigned(w[a], w[b]);
    } else if ((log2 = powerOfTwo(w, b)) >= 0) {
      System.arraycopy(w, a, w, b, 4);
      Bitwise.shiftRight(w, b, log2, 0);
    } else {
      f.division().divide(w, a, b, b, false);
    }
    s.sp = a;
    return Status.CONTINUE;
  }


  public static int mod(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    int log2;
    if ((w[b] | w[b + 1] | w[b + 2] | w[b + 3]) == 0) {
      // x % 0 = 0
    } else if ((w[a + 1] | w[a + 2] | w[a + 3] | w[b + 1] | w[b + 2] | w[b + 3]) == 0) {
      w[b] = Long.remainderUnsigned(w[a], w[b]);
    } else if ((log2 = powerOfTwo(w, b)) >= 0) {
      for (int i = 0; i < 4; i++) { // x mod 2^k keeps the low k bits of x
        int kept = log2 - 64 * i;
        w[b + i] = kept >= 64 ? w[a + i] : kept <= 0 ? 0 : w[a + i] & ((1L << kept) - 1);
      }
    } else {
      f.division().divide(w, a, b, b, true);
    }
    s.sp = a;
    return Status.CONTINUE;
  }


  public static int sdiv(Frame f) {
    return signedDivide(f, false);
  }



  /**
   * SDIV truncates toward zero (so -2^255 / -1 wraps to -2^255); SMOD takes the dividend's sign.
   * Both divide magnitudes unsigned and fix the sign afterwards.
   */
  private static int signedDivide(Frame f, boolean remainder) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    if ((w[b] | w[b + 1] | w[b + 2] | w[b + 3]) != 0) {
      boolean negA = w[a + 3] < 0;
      boolean negB = w[b + 3] < 0;
      if (negA) {
        negate(w, a); // the dividend's slot is popped afterwards, so it may be overwritten
      }
      if (negB) {
        negate(w, b);
      }
      f.division().divide(w, a, b, b, remainder);
      if (remainder ? negA : negA != negB) {
        negate(w, b);
      }
    }
    s.sp = a;
    return Status.CONTINUE;
  }

  /** Two's-complement negation of w[p..p+4) in place. */
  private static void negate(long[] w, int p) {
    long carry = 1;
    for (int i = 0; i < 4; i++) {
      long x = ~w[p + i] + carry;
      carry = (carry == 1 && x == 0) ? 1 : 0;
      w[p + i] = x;
    }
  }


  public static int smod(Frame f) {
    return signedDivide(f, true);
  }


  public static int addmod(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    int n = b - 4;
    if ((w[n] | w[n + 1] | w[n + 2] | w[n + 3]) != 0) {
      f.division().addMod(w, a, b, n, n);
    }
    s.sp = b;
    return Status.CONTINUE;
  }


  public static int mulmod(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    int n = b - 4;
    if ((w[n] | w[n + 1] | w[n + 2] | w[n + 3]) != 0) {
      f.division().mulMod(w, a, b, n, n);
    }
    s.sp = b;
    return Status.CONTINUE;
  }


  /** EXP: base (top) ** exponent (next), plus 50 gas per byte of exponent (EIP-160). */
  public static int exp(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    int expBytes = byteLength(w, b);
    if (!f.useGas(GasCosts.EXP_BYTE * expBytes)) {
      return Status.OUT_OF_GAS;
    }
    // Square-and-multiply over the frame's scratch limbs: [0,4) multiply accumulator,
    // [4,8) result, [8,12) running power of the base. The exponent stays in place at b.
    long[] t = f.scratch;
    t[4] = 1;
    t[5] = 0;
    t[6] = 0;
    t[7] = 0;
    System.arraycopy(w, a, t, 8, 4);
    int bits = expBytes * 8;
    for (int i = 0; i < bits; i++) {
      if (((w[b + (i >>> 6)] >>> (i & 63)) & 1) != 0) {
        mulInto(t, 4, 8, 4, t);
      }
      if (i + 1 < bits) {
        mulInto(t, 8, 8, 8, t);
      }
    }
    System.arraycopy(t, 4, w, b, 4);
    s.sp = a;
    return Status.CONTINUE;
  }

  /** Number of significant bytes of the word at w[p..]. */
  static int byteLength(long[] w, int p) {
    for (int i = 3; i >= 0; i--) {
      if (w[p + i] != 0) {
        return i * 8 + (64 - Long.numberOfLeadingZeros(w[p + i]) + 7) / 8;
      }
    }
    return 0;
  }

  /** SIGNEXTEND: extends the sign bit of byte {@code a} (top, counted from the right) of b. */
  public static int signextend(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    if ((w[a + 1] | w[a + 2] | w[a + 3]) == 0 && Long.compareUnsigned(w[a], 31) < 0) {
      int bit = (int) w[a] * 8 + 7;
      int limb = bit >>> 6;
      int within = bit & 63;
      boolean negative = ((w[b + limb] >>> within) & 1) != 0;
      long mask = within == 63 ? -1L : (1L << (within + 1)) - 1;
      if (negative) {
        w[b + limb] |= ~mask;
      } else {
        w[b + limb] &= mask;
      }
      for (int i = limb + 1; i < 4; i++) {
        w[b + i] = negative ? -1L : 0;
      }
    }
    s.sp = a;
    return Status.CONTINUE;
  }
}
