package org.drr.node.evm.ops;

import java.math.BigInteger;
import org.drr.node.evm.CallKind;
import org.drr.node.evm.Frame;
import org.drr.node.evm.MessageResult;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.fork.Fork;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;

/**
 * CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 and SELFDESTRUCT: the opcodes that
 * start another frame or end an account. Gas follows EIP-150 (63/64 of the remaining gas at
 * most), EIP-2929 (cold surcharge), EIP-3860 (init code words) and EIP-6780 (SELFDESTRUCT).
 */
public final class SystemOps {
  private SystemOps() {}

  public static int call(Frame f) {
    return call(f, CallKind.CALL);
  }

  public static int callcode(Frame f) {
    return call(f, CallKind.CALLCODE);
  }

  public static int delegatecall(Frame f) {
    return call(f, CallKind.DELEGATECALL);
  }

  public static int staticcall(Frame f) {
    return call(f, CallKind.STATICCALL);
  }

  private static int call(Frame f, CallKind kind) {
    Stack s = f.stack;
    boolean hasValue = kind == CallKind.CALL || kind == CallKind.CALLCODE;
    long requestedGas = s.getClamped(0);
    Address target = OpSupport.addressAt(s, 1);
    BigInteger value = hasValue ? OpSupport.bigIntegerAt(s, 2) : BigInteger.ZERO;
    int i = hasValue ? 3 : 2;
    long inOff = s.getClamped(i);
    long inLen = s.getClamped(i + 1);
    long outOff = s.getClamped(i + 2);
    long outLen = s.getClamped(i + 3);
    s.sp -= 4 * (i + 4);
    boolean transfersValue = hasValue && value.signum() > 0;
    if (kind == CallKind.CALL && transfersValue && f.isStatic) {
      return Status.STATIC_STATE_CHANGE;
    }
    if (!f.expandMemory(inOff, inLen, outOff, outLen)) {
      return Status.OUT_OF_GAS;
    }
    WorldState state = f.state;
    long cost = state.substate().warmAddress(target) ? 0 : GasCosts.COLD_ACCOUNT_ACCESS_SURCHARGE;
    if (transfersValue) {
      cost += GasCosts.CALL_VALUE;
      if (kind == CallKind.CALL && state.isDead(target)) {
        cost += GasCosts.NEW_ACCOUNT;
      }
    }
    if (!f.useGas(cost)) {
      return Status.OUT_OF_GAS;
    }
    long available = f.gas - f.gas / 64;
    long callGas = Math.min(requestedGas, available);
    f.gas -= callGas;
    if (transfersValue) {
      callGas += GasCosts.CALL_STIPEND;
    }
    byte[] input = f.memory.copy(inOff, inLen);
    MessageResult r =
        switch (kind) {
          case CALL ->
              f.evm.call(
                  kind, f.address, target, target, value, input, callGas, f.depth + 1, f.isStatic);
          case CALLCODE ->
              f.evm.call(
                  kind, f.address, f.address, target, value, input, callGas, f.depth + 1,
                  f.isStatic);
          case DELEGATECALL ->
              f.evm.call(
                  kind, f.caller, f.address, target, f.value, input, callGas, f.depth + 1,
                  f.isStatic);
          case STATICCALL ->
              f.evm.call(
                  kind, f.address, target, target, BigInteger.ZERO, input, callGas, f.depth + 1,
                  true);
        };
    f.gas += r.gasLeft();
    byte[] out = r.output();
    f.returnData = out;
    int n = (int) Math.min(outLen, out.length);
    if (n > 0) {
      System.arraycopy(out, 0, f.memory.raw(), (int) outOff, n);
    }
    s.pushLong(r.isSuccess() ? 1 : 0);
    return Status.CONTINUE;
  }

  public static int create(Frame f) {
    return create(f, false);
  }

  public static int create2(Frame f) {
    return create(f, true);
  }

  private static int create(Frame f, boolean isCreate2) {
    if (f.isStatic) {
      return Status.STATIC_STATE_CHANGE;
    }
    Stack s = f.stack;
    BigInteger value = OpSupport.bigIntegerAt(s, 0);
    long off = s.getClamped(1);
    long len = s.getClamped(2);
    byte[] salt = null;
    if (isCreate2) {
      salt = new byte[32];
      s.toBytes32(3, salt, 0);
    }
    s.sp -= isCreate2 ? 16 : 12;
    if (len > GasCosts.MAX_INIT_CODE_SIZE) {
      return Status.OUT_OF_GAS; // EIP-3860: oversized init code is an exceptional halt
    }
    long words = (len + 31) >>> 5;
    long cost = GasCosts.INIT_CODE_WORD * words;
    if (isCreate2) {
      cost += GasCosts.KECCAK256_WORD * words;
    }
    if (!f.expandMemory(off, len) || !f.useGas(cost)) {
      return Status.OUT_OF_GAS;
    }
    byte[] initCode = f.memory.copy(off, len);
    long childGas = f.gas - f.gas / 64;
    f.gas -= childGas;
    MessageResult r = f.evm.create(f.address, value, initCode, childGas, f.depth + 1, salt);
    f.gas += r.gasLeft();
    f.returnData = r.status() == Status.REVERT ? r.output() : org.drr.node.evm.Memory.EMPTY;
    if (r.isSuccess()) {
      OpSupport.pushAddress(s, r.createdAddress());
    } else {
      s.pushZero();
    }
    return Status.CONTINUE;
  }

  /**
   * SELFDESTRUCT: sends the whole balance to the beneficiary. From Cancun (EIP-6780) the account
   * is deleted only if it was created in the same transaction.
   */
  public static int selfdestruct(Frame f) {
    if (f.isStatic) {
      return Status.STATIC_STATE_CHANGE;
    }
    Stack s = f.stack;
    Address beneficiary = OpSupport.addressAt(s, 0);
    s.pop();
    WorldState state = f.state;
    long cost = state.substate().warmAddress(beneficiary) ? 0 : GasCosts.COLD_ACCOUNT_ACCESS;
    BigInteger balance = state.balance(f.address);
    if (balance.signum() > 0 && state.isDead(beneficiary)) {
      cost += GasCosts.NEW_ACCOUNT;
    }
    if (!f.useGas(cost)) {
      return Status.OUT_OF_GAS;
    }
    state.subBalance(f.address, balance);
    state.addBalance(beneficiary, balance);
    boolean deletes =
        f.evm.fork().isBefore(Fork.CANCUN)
            || state.substate().isCreatedInTransaction(f.address);
    if (deletes) {
      state.setBalance(f.address, BigInteger.ZERO);
      state.substate().markSelfDestructed(f.address);
    }
    return Status.SELF_DESTRUCT;
  }
}
