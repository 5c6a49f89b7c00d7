package org.drr.node.evm;

/**
 * The stacks and memories of finished frames, kept by each thread for its next frames. A stack is
 * 32 KiB and every transaction runs at least one frame; allocated afresh for each, they were a
 * large share of the block producer's allocation, and of its time in the kernel zeroing new pages
 * (docs/benchmarks.md, "Frame buffers").
 *
 * <p>A frame takes its buffers when it is created and gives them back when it has run, on the same
 * thread. Nested frames, and an EVM started on a thread that is already executing one, take other
 * buffers, so no two live frames ever share one. A frame run outside the EVM's own calls (a test's
 * hand-made frame) never gives its buffers back and only leaves them to the garbage collector.
 */
final class FrameBuffers {
  /** Enough for the usual depth of contract-to-contract calls; deeper frames allocate. */
  private static final int KEPT = 16;

  private static final ThreadLocal<FrameBuffers> OF_THREAD = ThreadLocal.withInitial(FrameBuffers::new);

  private final Stack[] stacks = new Stack[KEPT];
  private final Memory[] memories = new Memory[KEPT];
  private int stackCount;
  private int memoryCount;

  private FrameBuffers() {}

  static FrameBuffers ofThread() {
    return OF_THREAD.get();
  }

  /** An empty stack. */
  Stack takeStack() {
    if (stackCount == 0) {
      return new Stack();
    }
    Stack s = stacks[--stackCount];
    stacks[stackCount] = null;
    s.sp = 0;
    return s;
  }

  /** An empty, all-zero memory. */
  Memory takeMemory() {
    if (memoryCount == 0) {
      return new Memory();
    }
    Memory m = memories[--memoryCount];
    memories[memoryCount] = null;
    return m;
  }

  /** Keeps a finished frame's buffers for later frames; nothing may use them afterwards. */
  void giveBack(Stack stack, Memory memory) {
    if (stackCount < KEPT) {
      stacks[stackCount++] = stack;
    }
    // reset() zeroes what the frame used, or refuses a buffer grown too large to keep
    if (memoryCount < KEPT && memory.reset()) {
      memories[memoryCount++] = memory;
    }
  }
}
