package org.drr.node.evm;

/**
 * The fetch-check-execute loop. For each opcode it looks up the {@link Operation}, checks stack
 * bounds, charges the constant gas, advances the program counter and runs the handler; handlers
 * that jump overwrite {@link Frame#pc}. Nothing is allocated per opcode.
 */
public final class Interpreter {
  private Interpreter() {}

  /**
   * Runs {@code frame} until it halts.
   *
   * @return a terminal {@link Status}: success (STOP/RETURN/SELF_DESTRUCT), REVERT, or an
   *     exceptional halt; running off the end of the code is STOP
   */
  public static int run(Frame frame, Operation[] table) {
    final byte[] code = frame.code;
    final Stack stack = frame.stack;
    while (true) {
      int pc = frame.pc;
      if (pc >= code.length) {
        return Status.STOP;
      }
      Operation op = table[code[pc] & 0xFF];
      if (op == null) {
        return Status.INVALID_OPCODE;
      }
      int size = stack.sp >> 2;
      if (size < op.stackIn) {
        return Status.STACK_UNDERFLOW;
      }
      if (size - op.stackIn + op.stackOut > Stack.MAX_DEPTH) {
        return Status.STACK_OVERFLOW;
      }
      long gas = frame.gas - op.constantGas;
      if (gas < 0) {
        return Status.OUT_OF_GAS;
      }
      frame.gas = gas;
      frame.pc = pc + 1;
      int status = op.handler.execute(frame);
      if (status != Status.CONTINUE) {
        return status;
      }
    }
  }

  /**
   * {@link #run} with {@code tracer} told about every opcode. A separate loop so that the untraced
   * loop carries no tracing check at all.
   */
  public static int runTraced(Frame frame, Operation[] table, EvmTracer tracer) {
    final byte[] code = frame.code;
    final Stack stack = frame.stack;
    while (true) {
      int pc = frame.pc;
      if (pc >= code.length) {
        return Status.STOP;
      }
      int opcode = code[pc] & 0xFF;
      tracer.beforeOperation(frame, opcode);
      Operation op = table[opcode];
      int halt = Status.CONTINUE;
      int size = stack.sp >> 2;
      if (op == null) {
        halt = Status.INVALID_OPCODE;
      } else if (size < op.stackIn) {
        halt = Status.STACK_UNDERFLOW;
      } else if (size - op.stackIn + op.stackOut > Stack.MAX_DEPTH) {
        halt = Status.STACK_OVERFLOW;
      } else if (frame.gas - op.constantGas < 0) {
        halt = Status.OUT_OF_GAS;
      }
      if (halt != Status.CONTINUE) {
        tracer.operationFailed(frame, opcode, halt);
        return halt;
      }
      frame.gas -= op.constantGas;
      frame.pc = pc + 1;
      int status = op.handler.execute(frame);
      tracer.afterOperation(frame, opcode, status);
      if (status != Status.CONTINUE) {
        return status;
      }
    }
  }
}
