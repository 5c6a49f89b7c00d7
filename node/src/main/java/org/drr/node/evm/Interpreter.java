package org.drr.node.evm;

import org.drr.node.evm.ops.Arithmetic;
import org.drr.node.evm.ops.Bitwise;
import org.drr.node.evm.ops.Comparison;
import org.drr.node.evm.ops.Environment;
import org.drr.node.evm.ops.Flow;
import org.drr.node.evm.ops.MemoryOps;
import org.drr.node.evm.ops.StackOps;
import org.drr.node.evm.ops.StorageOps;

/**
 * The fetch-check-execute loop. For each opcode it looks up the {@link Operation}, checks stack
 * bounds, charges the constant gas, advances the program counter and runs the handler; handlers
 * that jump overwrite {@link Frame#pc}. Nothing is allocated per opcode.
 */
public final class Interpreter {
  private Interpreter() {}

  /**
   * Calls the handler of {@code op}. The most frequent opcodes are called directly, so the JIT
   * can inline them instead of making one megamorphic call through the table for every
   * instruction; each case calls exactly the handler {@link OpcodeTable} registers for it (the
   * table decided above that the opcode exists in this fork and charged its gas).
   */
  private static int dispatch(int opcode, Operation op, Frame f) {
    return switch (opcode) {
      case Opcodes.STOP -> Status.STOP;
      case Opcodes.ADD -> Arithmetic.add(f);
      case Opcodes.MUL -> Arithmetic.mul(f);
      case Opcodes.SUB -> Arithmetic.sub(f);
      case Opcodes.DIV -> Arithmetic.div(f);
      case Opcodes.MOD -> Arithmetic.mod(f);
      case Opcodes.ADDMOD -> Arithmetic.addmod(f);
      case Opcodes.MULMOD -> Arithmetic.mulmod(f);
      case Opcodes.EXP -> Arithmetic.exp(f);
      case Opcodes.LT -> Comparison.lt(f);
      case Opcodes.GT -> Comparison.gt(f);
      case Opcodes.SLT -> Comparison.slt(f);
      case Opcodes.SGT -> Comparison.sgt(f);
      case Opcodes.EQ -> Comparison.eq(f);
      case Opcodes.ISZERO -> Comparison.iszero(f);
      case Opcodes.AND -> Bitwise.and(f);
      case Opcodes.OR -> Bitwise.or(f);
      case Opcodes.XOR -> Bitwise.xor(f);
      case Opcodes.NOT -> Bitwise.not(f);
      case Opcodes.SHL -> Bitwise.shl(f);
      case Opcodes.SHR -> Bitwise.shr(f);
      case Opcodes.KECCAK256 -> MemoryOps.keccak256(f);
      case Opcodes.CALLVALUE -> Environment.callvalue(f);
      case Opcodes.CALLDATALOAD -> Environment.calldataload(f);
      case Opcodes.CALLDATASIZE -> Environment.calldatasize(f);
      case Opcodes.POP -> StackOps.pop(f);
      case Opcodes.MLOAD -> MemoryOps.mload(f);
      case Opcodes.MSTORE -> MemoryOps.mstore(f);
      case Opcodes.SLOAD -> StorageOps.sload(f);
      case Opcodes.SSTORE -> StorageOps.sstore(f);
      case Opcodes.JUMP -> Flow.jump(f);
      case Opcodes.JUMPI -> Flow.jumpi(f);
      case Opcodes.GAS -> Flow.gas(f);
      case Opcodes.JUMPDEST -> Status.CONTINUE;
      case Opcodes.PUSH0 -> StackOps.push0(f);
      default -> op.handler.execute(f);
    };
  }

  /**
   * Runs {@code frame} until it halts.
   *
   * @return a terminal {@link Status}: success (STOP/RETURN/SELF_DESTRUCT), REVERT, or an
   *     exceptional halt; running off the end of the code is STOP
   */
  public static int run(Frame frame, Operation[] table) {
    final byte[] code = frame.code;
    final Stack stack = frame.stack;
    // pc and gas live in locals while the stack opcodes run inline; they are written back to
    // the frame before any handler runs (handlers read and change them) and read back after.
    int pc = frame.pc;
    long gas = frame.gas;
    while (true) {
      if (pc >= code.length) {
        frame.gas = gas;
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
      gas -= op.constantGas;
      if (gas < 0) {
        frame.gas = 0;
        return Status.OUT_OF_GAS;
      }
      int opcode = op.opcode;
      // The stack opcodes make up about half of all executed instructions; handling them here
      // avoids a megamorphic handler call. Their gas and stack bounds were checked above from
      // the same table entry, so the fork's table stays the only source of rules.
      if (opcode >= Opcodes.PUSH1 && opcode <= Opcodes.PUSH32) {
        int n = opcode - Opcodes.PUSH1 + 1;
        stack.pushBytes(code, pc + 1, n);
        pc += 1 + n;
        continue;
      }
      if (opcode >= Opcodes.DUP1 && opcode <= Opcodes.DUP16) {
        stack.dup(opcode - Opcodes.DUP1 + 1);
        pc++;
        continue;
      }
      if (opcode >= Opcodes.SWAP1 && opcode <= Opcodes.SWAP16) {
        stack.swap(opcode - Opcodes.SWAP1 + 1);
        pc++;
        continue;
      }
      frame.pc = pc + 1;
      frame.gas = gas;
      int status = dispatch(opcode, op, frame);
      if (status != Status.CONTINUE) {
        return status;
      }
      pc = frame.pc;
      gas = frame.gas;
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
