package org.drr.node.evm.ops;

import org.drr.node.crypto.Keccak256;
import org.drr.node.evm.Frame;
import org.drr.node.evm.Stack;
import org.drr.node.evm.Status;
import org.drr.node.evm.Words;
import org.drr.node.evm.gas.GasCosts;

/** MLOAD, MSTORE, MSTORE8, MSIZE, MCOPY (EIP-5656), KECCAK256. */
public final class MemoryOps {
  private MemoryOps() {}

  public static int mload(Frame f) {
    Stack s = f.stack;
    long off = s.getClamped(0);
    if (!f.expandMemory(off, 32)) {
      return Status.OUT_OF_GAS;
    }
    byte[] m = f.memory.raw();
    int o = (int) off;
    int p = s.sp - 4;
    long[] w = s.words;
    w[p + 3] = Words.longAt(m, o);
    w[p + 2] = Words.longAt(m, o + 8);
    w[p + 1] = Words.longAt(m, o + 16);
    w[p] = Words.longAt(m, o + 24);
    return Status.CONTINUE;
  }

  public static int mstore(Frame f) {
    Stack s = f.stack;
    long off = s.getClamped(0);
    if (!f.expandMemory(off, 32)) {
      return Status.OUT_OF_GAS;
    }
    s.toBytes32(1, f.memory.raw(), (int) off);
    s.sp -= 8;
    return Status.CONTINUE;
  }

  public static int mstore8(Frame f) {
    Stack s = f.stack;
    long off = s.getClamped(0);
    if (!f.expandMemory(off, 1)) {
      return Status.OUT_OF_GAS;
    }
    f.memory.raw()[(int) off] = (byte) s.get(1, 0);
    s.sp -= 8;
    return Status.CONTINUE;
  }

  public static int msize(Frame f) {
    f.stack.pushLong(f.memory.size());
    return Status.CONTINUE;
  }

  public static int mcopy(Frame f) {
    Stack s = f.stack;
    long dst = s.getClamped(0);
    long src = s.getClamped(1);
    long len = s.getClamped(2);
    s.sp -= 12;
    if (len == 0) {
      return Status.CONTINUE;
    }
    if (!f.useGas(OpSupport.copyCost(len))
        || !f.expandMemory(Math.max(dst, src), len)) {
      return Status.OUT_OF_GAS;
    }
    byte[] m = f.memory.raw();
    System.arraycopy(m, (int) src, m, (int) dst, (int) len);
    return Status.CONTINUE;
  }

  public static int keccak256(Frame f) {
    Stack s = f.stack;
    long off = s.getClamped(0);
    long len = s.getClamped(1);
    s.pop();
    long words = len > (1L << 40) ? Long.MAX_VALUE / 8 : (len + 31) >>> 5;
    if (!f.useGas(GasCosts.KECCAK256_WORD * words) || !f.expandMemory(off, len)) {
      return Status.OUT_OF_GAS;
    }
    byte[] h = Keccak256.hash(f.memory.raw(), (int) (len == 0 ? 0 : off), (int) len);
    int p = s.sp - 4;
    s.sp = p;
    s.pushBytes32(h, 0);
    return Status.CONTINUE;
  }
}
