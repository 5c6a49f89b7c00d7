package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;

/** LT, GT, SLT, SGT, EQ, ISZERO: {@code a} is the top of the stack, {@code b} the next. */
public final class Comparison {
  private Comparison() {}

  /** Unsigned compare of w[a..] and w[b..]: negative, zero or positive. */
  static int compareUnsigned(long[] w, int a, int b) {
    for (int i = 3; i >= 0; i--) {
      int c = Long.compareUnsigned(w[a + i], w[b + i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static int compareSigned(long[] w, int a, int b) {
    int c = Long.compare(w[a + 3], w[b + 3]);
    if (c != 0) {
      return c;
    }
    for (int i = 2; i >= 0; i--) {
      c = Long.compareUnsigned(w[a + i], w[b + i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int setBool(Stack s, int b, boolean v) {
    long[] w = s.words;
    w[b] = v ? 1 : 0;
    w[b + 1] = 0;
    w[b + 2] = 0;
    w[b + 3] = 0;
    s.sp = b + 4;
    return Status.CONTINUE;
  }

  public static int lt(Frame f) {
    Stack s = f.stack;
    int a = s.sp - 4;
    return setBool(s, a - 4, compareUnsigned(s.words, a, a - 4) < 0);
  }

  public static int gt(Frame f) {
    Stack s = f.stack;
    int a = s.sp - 4;
    return setBool(s, a - 4, compareUnsigned(s.words, a, a - 4) > 0);
  }

  public static int slt(Frame f) {
    Stack s = f.stack;
    int a = s.sp - 4;
    return setBool(s, a - 4, compareSigned(s.words, a, a - 4) < 0);
  }

  public static int sgt(Frame f) {
    Stack s = f.stack;
    int a = s.sp - 4;
    return setBool(s, a - 4, compareSigned(s.words, a, a - 4) > 0);
  }

  public static int eq(Frame f) {
    Stack s = f.stack;
    long[] w = s.words;
    int a = s.sp - 4;
    int b = a - 4;
    return setBool(
        s, b, w[a] == w[b] && w[a + 1] == w[b + 1] && w[a + 2] == w[b + 2] && w[a + 3] == w[b + 3]);
  }

  public static int iszero(Frame f) {
    Stack s = f.stack;
    int a = s.sp - 4;
    return setBool(s, a, s.isZero(0));
  }
}
