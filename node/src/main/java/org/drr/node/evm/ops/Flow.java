package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;

/** STOP, JUMP, JUMPI, PC, GAS, JUMPDEST, RETURN, REVERT (EIP-140), INVALID (EIP-141). */
public final class Flow {
  private Flow() {}

  public static int stop(Frame f) {
    return Status.STOP;
  }

  public static int jump(Frame f) {
    Stack s = f.stack;
    long dest = s.getClamped(0);
    s.pop();
    if (!f.isJumpDestination(dest)) {
      return Status.INVALID_JUMP;
    }
    f.pc = (int) dest;
    return Status.CONTINUE;
  }

  public static int jumpi(Frame f) {
    Stack s = f.stack;
    long dest = s.getClamped(0);
    boolean take = !s.isZero(1);
    s.sp -= 8;
    if (take) {
      if (!f.isJumpDestination(dest)) {
        return Status.INVALID_JUMP;
      }
      f.pc = (int) dest;
    }
    return Status.CONTINUE;
  }

  public static int pc(Frame f) {
    f.stack.pushLong(f.pc - 1);
    return Status.CONTINUE;
  }

  public static int gas(Frame f) {
    f.stack.pushLong(f.gas);
    return Status.CONTINUE;
  }

  public static int jumpdest(Frame f) {
    return Status.CONTINUE;
  }

  public static int ret(Frame f) {
    return finish(f, Status.RETURN);
  }

  public static int revert(Frame f) {
    return finish(f, Status.REVERT);
  }

  private static int finish(Frame f, int status) {
    Stack s = f.stack;
    long offset = s.getClamped(0);
    long length = s.getClamped(1);
    s.sp -= 8;
    if (!f.expandMemory(offset, length)) {
      return Status.OUT_OF_GAS;
    }
    f.output = f.memory.copy(offset, length);
    return status;
  }

  public static int invalid(Frame f) {
    return Status.INVALID_OPCODE;
  }
}
