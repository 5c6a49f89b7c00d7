package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.state.AccountState;
import org.drr.node.types.Address;

/**
 * The execution context: ADDRESS, BALANCE, ORIGIN, CALLER, CALLVALUE, call data, code, GASPRICE,
 * EXTCODE*, return data and SELFBALANCE. Account reads cost the warm price in the table plus the
 * EIP-2929 cold surcharge charged here.
 */
public final class Environment {
  private Environment() {}

  /** Charges the EIP-2929 cold surcharge if {@code a} is cold, warming it; false if out of gas. */
  static boolean chargeAccountAccess(Frame f, Address a) {
    if (f.state.substate().warmAddress(a)) {
      return true;
    }
    return f.useGas(GasCosts.COLD_ACCOUNT_ACCESS_SURCHARGE);
  }

  public static int address(Frame f) {
    OpSupport.pushAddress(f.stack, f.address);
    return Status.CONTINUE;
  }

  public static int balance(Frame f) {
    Stack s = f.stack;
    Address a = OpSupport.addressAt(s, 0);
    s.pop();
    if (!chargeAccountAccess(f, a)) {
      return Status.OUT_OF_GAS;
    }
    OpSupport.pushBigInteger(s, f.state.balance(a));
    return Status.CONTINUE;
  }

  public static int origin(Frame f) {
    OpSupport.pushAddress(f.stack, f.evm.transaction().origin());
    return Status.CONTINUE;
  }

  public static int caller(Frame f) {
    OpSupport.pushAddress(f.stack, f.caller);
    return Status.CONTINUE;
  }

  public static int callvalue(Frame f) {
    OpSupport.pushWord(f.stack, f.valueWord);
    return Status.CONTINUE;
  }

  public static int calldataload(Frame f) {
    Stack s = f.stack;
    long off = s.getClamped(0);
    s.pop();
    OpSupport.pushPadded(s, f.input, off);
    return Status.CONTINUE;
  }

  public static int calldatasize(Frame f) {
    f.stack.pushLong(f.input.length);
    return Status.CONTINUE;
  }

  public static int calldatacopy(Frame f) {
    return copyPadded(f, f.input);
  }

  public static int codesize(Frame f) {
    f.stack.pushLong(f.code.length);
    return Status.CONTINUE;
  }

  public static int codecopy(Frame f) {
    return copyPadded(f, f.code);
  }

  /** (memOffset, dataOffset, length): copies data into memory, zero-padded past its end. */
  private static int copyPadded(Frame f, byte[] data) {
    Stack s = f.stack;
    long memOff = s.getClamped(0);
    long dataOff = s.getClamped(1);
    long len = s.getClamped(2);
    s.sp -= 12;
    if (!f.useGas(OpSupport.copyCost(len)) || !f.expandMemory(memOff, len)) {
      return Status.OUT_OF_GAS;
    }
    f.memory.writePadded(memOff, data, dataOff, len);
    return Status.CONTINUE;
  }

  public static int gasprice(Frame f) {
    OpSupport.pushBigInteger(f.stack, f.evm.transaction().gasPrice());
    return Status.CONTINUE;
  }

  public static int extcodesize(Frame f) {
    Stack s = f.stack;
    Address a = OpSupport.addressAt(s, 0);
    s.pop();
    if (!chargeAccountAccess(f, a)) {
      return Status.OUT_OF_GAS;
    }
    s.pushLong(f.state.code(a).length);
    return Status.CONTINUE;
  }

  public static int extcodecopy(Frame f) {
    Stack s = f.stack;
    Address a = OpSupport.addressAt(s, 0);
    long memOff = s.getClamped(1);
    long codeOff = s.getClamped(2);
    long len = s.getClamped(3);
    s.sp -= 16;
    if (!f.useGas(OpSupport.copyCost(len))
        || !f.expandMemory(memOff, len)
        || !chargeAccountAccess(f, a)) {
      return Status.OUT_OF_GAS;
    }
    f.memory.writePadded(memOff, f.state.code(a), codeOff, len);
    return Status.CONTINUE;
  }

  /** EXTCODEHASH (EIP-1052): 0 for a dead account, else the hash of its code. */
  public static int extcodehash(Frame f) {
    Stack s = f.stack;
    Address a = OpSupport.addressAt(s, 0);
    s.pop();
    if (!chargeAccountAccess(f, a)) {
      return Status.OUT_OF_GAS;
    }
    AccountState acc = f.state.get(a);
    if (acc == null || acc.isEmpty()) {
      s.pushZero();
    } else {
      s.pushBytes32(acc.codeHash(), 0);
    }
    return Status.CONTINUE;
  }

  public static int returndatasize(Frame f) {
    f.stack.pushLong(f.returnData.length);
    return Status.CONTINUE;
  }

  public static int returndatacopy(Frame f) {
    Stack s = f.stack;
    long memOff = s.getClamped(0);
    long dataOff = s.getClamped(1);
    long len = s.getClamped(2);
    s.sp -= 12;
    if (dataOff == Long.MAX_VALUE
        || len == Long.MAX_VALUE
        || dataOff + len > f.returnData.length) {
      return Status.RETURN_DATA_OUT_OF_BOUNDS;
    }
    if (!f.useGas(OpSupport.copyCost(len)) || !f.expandMemory(memOff, len)) {
      return Status.OUT_OF_GAS;
    }
    f.memory.writePadded(memOff, f.returnData, dataOff, len);
    return Status.CONTINUE;
  }

  public static int selfbalance(Frame f) {
    OpSupport.pushBigInteger(f.stack, f.state.balance(f.address));
    return Status.CONTINUE;
  }
}
