package org.drr.node.evm;

import static org.drr.node.evm.Opcodes.*;

import java.util.EnumMap;
import java.util.Map;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.evm.ops.Arithmetic;
import org.drr.node.evm.ops.Bitwise;
import org.drr.node.evm.ops.Block;
import org.drr.node.evm.ops.Comparison;
import org.drr.node.evm.ops.Environment;
import org.drr.node.evm.ops.Flow;
import org.drr.node.evm.ops.Logging;
import org.drr.node.evm.ops.MemoryOps;
import org.drr.node.evm.ops.StackOps;
import org.drr.node.evm.ops.StorageOps;
import org.drr.node.evm.ops.SystemOps;
import org.drr.node.fork.Fork;

/**
 * The opcode table of each fork, built as the previous fork's table plus named EIP steps (as
 * go-ethereum's jump_table.go does). A null slot is an undefined opcode.
 *
 * <p>Prices are those in force from Berlin on (EIP-2929 account and slot access): the {@link Evm}
 * refuses forks before {@link Evm#MINIMUM_FORK}, so older repricings are not modelled. The
 * Frontier..Istanbul steps still record which opcodes each fork introduced.
 */
public final class OpcodeTable {
  private static final Map<Fork, Operation[]> TABLES = new EnumMap<>(Fork.class);

  static {
    Operation[] t = frontier();
    TABLES.put(Fork.FRONTIER, t.clone());
    t = homestead(t);
    TABLES.put(Fork.HOMESTEAD, t.clone());
    TABLES.put(Fork.TANGERINE_WHISTLE, t.clone());
    TABLES.put(Fork.SPURIOUS_DRAGON, t.clone());
    t = byzantium(t);
    TABLES.put(Fork.BYZANTIUM, t.clone());
    t = constantinople(t);
    TABLES.put(Fork.CONSTANTINOPLE, t.clone());
    TABLES.put(Fork.PETERSBURG, t.clone());
    t = istanbul(t);
    TABLES.put(Fork.ISTANBUL, t.clone());
    TABLES.put(Fork.BERLIN, t.clone());
    t = london(t);
    TABLES.put(Fork.LONDON, t.clone());
    TABLES.put(Fork.PARIS, t.clone());
    t = shanghai(t);
    TABLES.put(Fork.SHANGHAI, t.clone());
    t = cancun(t);
    TABLES.put(Fork.CANCUN, t.clone());
  }

  private OpcodeTable() {}

  /**
   * A copy of the table for {@code fork}.
   *
   * @throws IllegalArgumentException for a fork newer than {@link Fork#LATEST_SUPPORTED}
   */
  public static Operation[] forFork(Fork fork) {
    return shared(fork).clone();
  }

  /**
   * The table for {@code fork} itself, not a copy, for the {@link Evm}, which only reads it: one
   * EVM runs per transaction, and a copy for each was a kilobyte of garbage per transaction.
   *
   * @throws IllegalArgumentException for a fork newer than {@link Fork#LATEST_SUPPORTED}
   */
  static Operation[] shared(Fork fork) {
    Operation[] t = TABLES.get(fork);
    if (t == null) {
      throw new IllegalArgumentException("no opcode table for fork " + fork);
    }
    return t;
  }

  private static void set(
      Operation[] t, int op, long gas, int in, int out, Operation.Handler handler) {
    t[op] = new Operation(op, Opcodes.name(op), gas, in, out, handler);
  }

  private static Operation[] frontier() {
    Operation[] t = new Operation[256];
    set(t, STOP, 0, 0, 0, Flow::stop);
    set(t, ADD, GasCosts.VERY_LOW, 2, 1, Arithmetic::add);
    set(t, MUL, GasCosts.LOW, 2, 1, Arithmetic::mul);
    set(t, SUB, GasCosts.VERY_LOW, 2, 1, Arithmetic::sub);
    set(t, DIV, GasCosts.LOW, 2, 1, Arithmetic::div);
    set(t, SDIV, GasCosts.LOW, 2, 1, Arithmetic::sdiv);
    set(t, MOD, GasCosts.LOW, 2, 1, Arithmetic::mod);
    set(t, SMOD, GasCosts.LOW, 2, 1, Arithmetic::smod);
    set(t, ADDMOD, GasCosts.MID, 3, 1, Arithmetic::addmod);
    set(t, MULMOD, GasCosts.MID, 3, 1, Arithmetic::mulmod);
    set(t, EXP, GasCosts.EXP, 2, 1, Arithmetic::exp);
    set(t, SIGNEXTEND, GasCosts.LOW, 2, 1, Arithmetic::signextend);
    set(t, LT, GasCosts.VERY_LOW, 2, 1, Comparison::lt);
    set(t, GT, GasCosts.VERY_LOW, 2, 1, Comparison::gt);
    set(t, SLT, GasCosts.VERY_LOW, 2, 1, Comparison::slt);
    set(t, SGT, GasCosts.VERY_LOW, 2, 1, Comparison::sgt);
    set(t, EQ, GasCosts.VERY_LOW, 2, 1, Comparison::eq);
    set(t, ISZERO, GasCosts.VERY_LOW, 1, 1, Comparison::iszero);
    set(t, AND, GasCosts.VERY_LOW, 2, 1, Bitwise::and);
    set(t, OR, GasCosts.VERY_LOW, 2, 1, Bitwise::or);
    set(t, XOR, GasCosts.VERY_LOW, 2, 1, Bitwise::xor);
    set(t, NOT, GasCosts.VERY_LOW, 1, 1, Bitwise::not);
    set(t, BYTE, GasCosts.VERY_LOW, 2, 1, Bitwise::byteOp);
    set(t, KECCAK256, GasCosts.KECCAK256, 2, 1, MemoryOps::keccak256);
    set(t, ADDRESS, GasCosts.BASE, 0, 1, Environment::address);
    set(t, BALANCE, GasCosts.WARM_STORAGE_READ, 1, 1, Environment::balance);
    set(t, ORIGIN, GasCosts.BASE, 0, 1, Environment::origin);
    set(t, CALLER, GasCosts.BASE, 0, 1, Environment::caller);
    set(t, CALLVALUE, GasCosts.BASE, 0, 1, Environment::callvalue);
    set(t, CALLDATALOAD, GasCosts.VERY_LOW, 1, 1, Environment::calldataload);
    set(t, CALLDATASIZE, GasCosts.BASE, 0, 1, Environment::calldatasize);
    set(t, CALLDATACOPY, GasCosts.VERY_LOW, 3, 0, Environment::calldatacopy);
    set(t, CODESIZE, GasCosts.BASE, 0, 1, Environment::codesize);
    set(t, CODECOPY, GasCosts.VERY_LOW, 3, 0, Environment::codecopy);
    set(t, GASPRICE, GasCosts.BASE, 0, 1, Environment::gasprice);
    set(t, EXTCODESIZE, GasCosts.WARM_STORAGE_READ, 1, 1, Environment::extcodesize);
    set(t, EXTCODECOPY, GasCosts.WARM_STORAGE_READ, 4, 0, Environment::extcodecopy);
    set(t, BLOCKHASH, GasCosts.BLOCKHASH, 1, 1, Block::blockhash);
    set(t, COINBASE, GasCosts.BASE, 0, 1, Block::coinbase);
    set(t, TIMESTAMP, GasCosts.BASE, 0, 1, Block::timestamp);
    set(t, NUMBER, GasCosts.BASE, 0, 1, Block::number);
    set(t, PREVRANDAO, GasCosts.BASE, 0, 1, Block::prevrandao); // DIFFICULTY before Paris
    set(t, GASLIMIT, GasCosts.BASE, 0, 1, Block::gaslimit);
    set(t, POP, GasCosts.BASE, 1, 0, StackOps::pop);
    set(t, MLOAD, GasCosts.VERY_LOW, 1, 1, MemoryOps::mload);
    set(t, MSTORE, GasCosts.VERY_LOW, 2, 0, MemoryOps::mstore);
    set(t, MSTORE8, GasCosts.VERY_LOW, 2, 0, MemoryOps::mstore8);
    set(t, SLOAD, 0, 1, 1, StorageOps::sload); // warm/cold price charged by the handler
    set(t, SSTORE, 0, 2, 0, StorageOps::sstore);
    set(t, JUMP, GasCosts.MID, 1, 0, Flow::jump);
    set(t, JUMPI, GasCosts.HIGH, 2, 0, Flow::jumpi);
    set(t, PC, GasCosts.BASE, 0, 1, Flow::pc);
    set(t, MSIZE, GasCosts.BASE, 0, 1, MemoryOps::msize);
    set(t, GAS, GasCosts.BASE, 0, 1, Flow::gas);
    set(t, JUMPDEST, GasCosts.JUMPDEST, 0, 0, Flow::jumpdest);
    for (int n = 1; n <= 32; n++) {
      set(t, PUSH1 + n - 1, GasCosts.VERY_LOW, 0, 1, StackOps.push(n));
    }
    for (int n = 1; n <= 16; n++) {
      set(t, DUP1 + n - 1, GasCosts.VERY_LOW, n, n + 1, StackOps.dup(n));
      set(t, SWAP1 + n - 1, GasCosts.VERY_LOW, n + 1, n + 1, StackOps.swap(n));
    }
    for (int n = 0; n <= 4; n++) {
      set(t, LOG0 + n, GasCosts.LOG + n * GasCosts.LOG_TOPIC, 2 + n, 0, Logging.log(n));
    }
    set(t, CREATE, GasCosts.CREATE, 3, 1, SystemOps::create);
    set(t, CALL, GasCosts.WARM_STORAGE_READ, 7, 1, SystemOps::call);
    set(t, CALLCODE, GasCosts.WARM_STORAGE_READ, 7, 1, SystemOps::callcode);
    set(t, RETURN, 0, 2, 0, Flow::ret);
    set(t, INVALID, 0, 0, 0, Flow::invalid);
    set(t, SELFDESTRUCT, GasCosts.SELFDESTRUCT, 1, 0, SystemOps::selfdestruct);
    return t;
  }

  /** EIP-7: DELEGATECALL. */
  private static Operation[] homestead(Operation[] t) {
    set(t, DELEGATECALL, GasCosts.WARM_STORAGE_READ, 6, 1, SystemOps::delegatecall);
    return t;
  }

  /** EIP-140 REVERT, EIP-211 RETURNDATASIZE/COPY, EIP-214 STATICCALL. */
  private static Operation[] byzantium(Operation[] t) {
    set(t, REVERT, 0, 2, 0, Flow::revert);
    set(t, RETURNDATASIZE, GasCosts.BASE, 0, 1, Environment::returndatasize);
    set(t, RETURNDATACOPY, GasCosts.VERY_LOW, 3, 0, Environment::returndatacopy);
    set(t, STATICCALL, GasCosts.WARM_STORAGE_READ, 6, 1, SystemOps::staticcall);
    return t;
  }

  /** EIP-145 shifts, EIP-1052 EXTCODEHASH, EIP-1014 CREATE2. */
  private static Operation[] constantinople(Operation[] t) {
    set(t, SHL, GasCosts.VERY_LOW, 2, 1, Bitwise::shl);
    set(t, SHR, GasCosts.VERY_LOW, 2, 1, Bitwise::shr);
    set(t, SAR, GasCosts.VERY_LOW, 2, 1, Bitwise::sar);
    set(t, EXTCODEHASH, GasCosts.WARM_STORAGE_READ, 1, 1, Environment::extcodehash);
    set(t, CREATE2, GasCosts.CREATE, 4, 1, SystemOps::create2);
    return t;
  }

  /** EIP-1344 CHAINID, EIP-1884 SELFBALANCE. */
  private static Operation[] istanbul(Operation[] t) {
    set(t, CHAINID, GasCosts.BASE, 0, 1, Block::chainid);
    set(t, SELFBALANCE, GasCosts.LOW, 0, 1, Environment::selfbalance);
    return t;
  }

  /** EIP-3198 BASEFEE. */
  private static Operation[] london(Operation[] t) {
    set(t, BASEFEE, GasCosts.BASE, 0, 1, Block::basefee);
    return t;
  }

  /** EIP-3855 PUSH0. */
  private static Operation[] shanghai(Operation[] t) {
    set(t, PUSH0, GasCosts.BASE, 0, 1, StackOps::push0);
    return t;
  }

  /** EIP-1153 TLOAD/TSTORE, EIP-5656 MCOPY, EIP-4844 BLOBHASH, EIP-7516 BLOBBASEFEE. */
  private static Operation[] cancun(Operation[] t) {
    set(t, TLOAD, GasCosts.TLOAD, 1, 1, StorageOps::tload);
    set(t, TSTORE, GasCosts.TSTORE, 2, 0, StorageOps::tstore);
    set(t, MCOPY, GasCosts.MCOPY, 3, 0, MemoryOps::mcopy);
    set(t, BLOBHASH, GasCosts.BLOBHASH, 1, 1, Block::blobhash);
    set(t, BLOBBASEFEE, GasCosts.BLOBBASEFEE, 0, 1, Block::blobbasefee);
    return t;
  }
}
