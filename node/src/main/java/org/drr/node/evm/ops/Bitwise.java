package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;

/** AND, OR, XOR, NOT, BYTE, SHL, SHR, SAR (EIP-145) on 4-limb words. */
public final class Bitwise {
  private Bitwise() {}

  public static int and(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    for (int i = 0; i < 4; i++) {
      w[b + i] &= w[a + i];
    }
    s.sp = a;
    return Status.CONTINUE;
  }

  public static int or(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    for (int i = 0; i < 4; i++) {
      w[b + i] |= w[a + i];
    }
    s.sp = a;
    return Status.CONTINUE;
  }

  public static int xor(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    for (int i = 0; i < 4; i++) {
      w[b + i] ^= w[a + i];
    }
    s.sp = a;
    return Status.CONTINUE;
  }

  public static int not(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    for (int i = 0; i < 4; i++) {
      w[a + i] = ~w[a + i];
    }
    return Status.CONTINUE;
  }

  /** BYTE: byte {@code i} (top; 0 = most significant) of the next word, or 0 if i >= 32. */
  public static int byteOp(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    long result = 0;
    if ((w[a + 1] | w[a + 2] | w[a + 3]) == 0 && Long.compareUnsigned(w[a], 32) < 0) {
      int fromRight = 31 - (int) w[a];
      result = (w[b + (fromRight >>> 3)] >>> ((fromRight & 7) * 8)) & 0xFF;
    }
    w[b] = result;
    w[b + 1] = 0;
    w[b + 2] = 0;
    w[b + 3] = 0;
    s.sp = a;
    return Status.CONTINUE;
  }

  /** The shift amount at w[a..], or 256 if it is 256 or more. */
  private static int shiftAmount(long[] w, int a) {
    if ((w[a + 1] | w[a + 2] | w[a + 3]) != 0 || Long.compareUnsigned(w[a], 256) >= 0) {
      return 256;
    }
    return (int) w[a];
  }

  public static int shl(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    int n = shiftAmount(w, a);
    int limbs = n >>> 6;
    int bits = n & 63;
    for (int i = 3; i >= 0; i--) {
      int src = i - limbs;
      long v = src >= 0 ? w[b + src] << bits : 0;
      if (bits != 0 && src - 1 >= 0) {
        v |= w[b + src - 1] >>> (64 - bits);
      }
      w[b + i] = v;
    }
    s.sp = a;
    return Status.CONTINUE;
  }

  public static int shr(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    shiftRight(w, b, shiftAmount(w, a), 0);
    s.sp = a;
    return Status.CONTINUE;
  }

  public static int sar(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    long fill = w[b + 3] < 0 ? -1L : 0;
    shiftRight(w, b, shiftAmount(w, a), fill);
    s.sp = a;
    return Status.CONTINUE;
  }

  /** Shifts w[b..] right by n (0..256), filling vacated bits with {@code fill} (0 or -1). */
  static void shiftRight(long[] w, int b, int n, long fill) {
    int limbs = n >>> 6;
    int bits = n & 63;
    for (int i = 0; i < 4; i++) {
      int src = i + limbs;
      long lo = src < 4 ? w[b + src] : fill;
      long v;
      if (bits == 0) {
        v = lo;
      } else {
        long hi = src + 1 < 4 ? w[b + src + 1] : fill;
        v = (lo >>> bits) | (hi << (64 - bits));
      }
      w[b + i] = v;
    }
  }
}
