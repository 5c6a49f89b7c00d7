package org.drr.node.evm.ops;

import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.state.Substate;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;

/** SLOAD and SSTORE (EIP-2200/2929/3529 pricing and refunds), TLOAD and TSTORE (EIP-1153). */
public final class StorageOps {
  private StorageOps() {}

  public static int sload(Frame f) {
    Stack s = f.stack;
    Word256 key = OpSupport.wordAt(s, 0);
    boolean warm = f.state.substate().warmSlot(f.address, key);
    if (!f.useGas(warm ? GasCosts.WARM_STORAGE_READ : GasCosts.COLD_SLOAD)) {
      return Status.OUT_OF_GAS;
    }
    f.state.storage(f.address, key).toLimbs(s.words, s.sp - 4);
    return Status.CONTINUE;
  }

  public static int sstore(Frame f) {
    if (f.isStatic) {
      return Status.STATIC_STATE_CHANGE;
    }
    // EIP-2200: SSTORE needs more than the call stipend left, so a stipend cannot write.
    if (f.gas <= GasCosts.SSTORE_SENTRY) {
      return Status.OUT_OF_GAS;
    }
    Stack s = f.stack;
    Word256 key = OpSupport.wordAt(s, 0);
    Word256 value = OpSupport.wordAt(s, 1);
    s.sp -= 8;
    WorldState state = f.state;
    Substate sub = state.substate();
    long cost = sub.warmSlot(f.address, key) ? 0 : GasCosts.COLD_SLOAD;
    Word256 current = state.storage(f.address, key);
    if (value.equals(current)) {
      cost += GasCosts.WARM_STORAGE_READ;
    } else {
      Word256 original = state.originalStorage(f.address, key);
      if (original.equals(current)) {
        if (original.isZero()) {
          cost += GasCosts.SSTORE_SET;
        } else {
          cost += GasCosts.SSTORE_RESET;
          if (value.isZero()) {
            sub.addRefund(GasCosts.SSTORE_CLEARS_SCHEDULE);
          }
        }
      } else {
        cost += GasCosts.WARM_STORAGE_READ;
        if (!original.isZero()) {
          if (current.isZero()) {
            sub.addRefund(-GasCosts.SSTORE_CLEARS_SCHEDULE);
          } else if (value.isZero()) {
            sub.addRefund(GasCosts.SSTORE_CLEARS_SCHEDULE);
          }
        }
        if (original.equals(value)) {
          sub.addRefund(
              original.isZero()
                  ? GasCosts.SSTORE_SET - GasCosts.WARM_STORAGE_READ
                  : GasCosts.SSTORE_RESET - GasCosts.WARM_STORAGE_READ);
        }
      }
    }
    if (!f.useGas(cost)) {
      return Status.OUT_OF_GAS;
    }
    if (!value.equals(current)) {
      state.setStorage(f.address, key, value);
    }
    return Status.CONTINUE;
  }

  public static int tload(Frame f) {
    Stack s = f.stack;
    Word256 key = OpSupport.wordAt(s, 0);
    f.state.substate().transientGet(f.address, key).toLimbs(s.words, s.sp - 4);
    return Status.CONTINUE;
  }

  public static int tstore(Frame f) {
    if (f.isStatic) {
      return Status.STATIC_STATE_CHANGE;
    }
    Stack s = f.stack;
    Word256 key = OpSupport.wordAt(s, 0);
    Word256 value = OpSupport.wordAt(s, 1);
    s.sp -= 8;
    f.state.substate().transientSet(f.address, key, value);
    return Status.CONTINUE;
  }
}
