package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Status;

/** POP, PUSH0 (EIP-3855), PUSH1..PUSH32, DUP1..DUP16, SWAP1..SWAP16. */
public final class StackOps {
  private StackOps() {}

  public static int pop(Frame f) {
    f.stack.sp -= 4;
    return Status.CONTINUE;
  }

  public static int push0(Frame f) {
    f.stack.pushZero();
    return Status.CONTINUE;
  }

  /** A PUSHn handler: reads n immediate bytes after the opcode (zero past the code's end). */
  public static org.drr.node.evm.Operation.Handler push(int n) {
    if (n == 1) {
      return StackOps::push1;
    }
    return f -> {
      int pc = f.pc;
      byte[] code = f.code;
      if (n == 32 && pc + 32 <= code.length) {
        f.stack.pushBytes32(code, pc);
      } else {
        f.stack.pushBytes(code, pc, n);
      }
      f.pc = pc + n;
      return Status.CONTINUE;
    };
  }

  private static int push1(Frame f) {
    int pc = f.pc;
    byte[] code = f.code;
    f.stack.pushLong(pc < code.length ? code[pc] & 0xFF : 0);
    f.pc = pc + 1;
    return Status.CONTINUE;
  }

  public static org.drr.node.evm.Operation.Handler dup(int n) {
    return f -> {
      f.stack.dup(n);
      return Status.CONTINUE;
    };
  }

  public static org.drr.node.evm.Operation.Handler swap(int n) {
    return f -> {
      f.stack.swap(n);
      return Status.CONTINUE;
    };
  }
}
