package org.drr.node.evm;

import java.math.BigInteger;
import org.drr.node.evm.gas.MemoryGas;
import org.drr.node.state.WorldState;
import org.drr.node.state.Word256;
import org.drr.node.types.Address;

/**
 * One call frame (message call or contract creation) being interpreted: the code, its inputs and
 * context, and the mutable machine state (pc, gas, stack, memory, return data).
 */
public final class Frame {
  public final Evm evm;
  public final WorldState state;
  /** The account whose storage and balance the code acts on (ADDRESS). */
  public final Address address;
  /** CALLER. */
  public final Address caller;
  /** CALLVALUE (for DELEGATECALL the parent's value, no transfer). */
  public final BigInteger value;
  public final Word256 valueWord;
  public final byte[] input;
  public final byte[] code;
  /** 0 for the transaction's frame; each nested call adds one. */
  public final int depth;
  /** STATICCALL context: no state changes allowed (EIP-214). */
  public final boolean isStatic;

  public long gas;
  public int pc;
  public final Stack stack;
  public final Memory memory;
  /** Output of the last completed sub-call (RETURNDATASIZE/RETURNDATACOPY). */
  public byte[] returnData = Memory.EMPTY;
  /** RETURN or REVERT data of this frame. */
  public byte[] output = Memory.EMPTY;
  /** Scratch limbs for arithmetic, so handlers need not allocate. */
  public final long[] scratch = new long[16];

  private JumpDestinations jumpDestinations;
  private WideDivision division;

  public Frame(
      Evm evm,
      Address address,
      Address caller,
      BigInteger value,
      byte[] input,
      byte[] code,
      long gas,
      int depth,
      boolean isStatic) {
    this.evm = evm;
    this.state = evm.state();
    this.address = address;
    this.caller = caller;
    this.value = value;
    this.valueWord = toWord(value);
    this.input = input;
    this.code = code;
    this.gas = gas;
    this.depth = depth;
    this.isStatic = isStatic;
    FrameBuffers buffers = FrameBuffers.ofThread();
    this.stack = buffers.takeStack();
    this.memory = buffers.takeMemory();
  }

  /** Deducts {@code cost}; returns false (deducting nothing) if there is not enough gas. */
  public boolean useGas(long cost) {
    if (cost > gas || cost < 0) {
      return false;
    }
    gas -= cost;
    return true;
  }

  /**
   * Charges for and performs memory expansion to cover {@code [offset, offset+length)}; returns
   * false if the gas is insufficient (offsets are clamped values from {@link Stack#getClamped}).
   */
  public boolean expandMemory(long offset, long length) {
    if (length == 0) {
      return true;
    }
    long cost = MemoryGas.expansion(memory.words(), offset, length);
    if (cost != 0) {
      if (!useGas(cost)) {
        return false;
      }
    }
    memory.ensure(offset, length);
    return true;
  }

  /** Like {@link #expandMemory} for two ranges (CALL's input and output areas). */
  public boolean expandMemory(long off1, long len1, long off2, long len2) {
    long end1 = len1 == 0 ? 0 : endOrMax(off1, len1);
    long end2 = len2 == 0 ? 0 : endOrMax(off2, len2);
    if (end1 >= end2) {
      return end1 == 0 || expandMemory(off1, len1);
    }
    return expandMemory(off2, len2);
  }

  private static long endOrMax(long off, long len) {
    return off >= Long.MAX_VALUE - len ? Long.MAX_VALUE : off + len;
  }

  /** Buffers for wide division, created on first use and reused for the frame's life. */
  public WideDivision division() {
    if (division == null) {
      division = new WideDivision();
    }
    return division;
  }

  public boolean isJumpDestination(long destination) {
    if (destination >= code.length) {
      return false;
    }
    if (jumpDestinations == null) {
      jumpDestinations = evm.jumpDestinations(code);
    }
    return jumpDestinations.isValid((int) destination);
  }

  static Word256 toWord(BigInteger v) {
    if (v.signum() == 0) {
      return Word256.ZERO;
    }
    long[] limbs = new long[4];
    Words.fromBigInteger(v, limbs, 0);
    return Word256.fromLimbs(limbs, 0);
  }
}
