package org.drr.node.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Frames reuse the thread's stacks and memories, and each still starts empty. */
class FrameBuffersTest {
  /**
   * Returns the word memory held at offset 0 when the frame started, after dirtying that word:
   * MLOAD(0); MSTORE(0, 0xff); MSTORE(32, loaded); RETURN(32, 32).
   */
  private static final byte[] READS_THEN_DIRTIES_MEMORY = {
    0x60, 0x00, 0x51, 0x60, (byte) 0xff, 0x60, 0x00, 0x52, 0x60, 0x20, 0x52,
    0x60, 0x20, 0x60, 0x20, (byte) 0xf3
  };
  /** Leaves two words on the stack: PUSH1 1, PUSH1 2, STOP. */
  private static final byte[] LEAVES_STACK = {0x60, 0x01, 0x60, 0x02, 0x00};
  /** POP on what must be an empty stack. */
  private static final byte[] POPS = {0x50};

  private final EvmHarness harness = new EvmHarness();

  private MessageResult call(byte[] code) {
    harness.state.createAccount(EvmHarness.CONTRACT);
    harness.state.setCode(EvmHarness.CONTRACT, code);
    return harness.evm.call(CallKind.CALL, EvmHarness.CALLER, EvmHarness.CONTRACT,
        EvmHarness.CONTRACT, BigInteger.ZERO, new byte[0], 100_000, 0, false);
  }

  @Test
  void aLaterFrameSeesZeroMemoryWhereAnEarlierOneWrote() {
    for (int i = 0; i < 3; i++) {
      MessageResult r = call(READS_THEN_DIRTIES_MEMORY);
      assertTrue(r.isSuccess(), "status " + r.status());
      assertArrayEquals(new byte[32], r.output(), "call " + i);
    }
  }

  @Test
  void aLaterFrameStartsWithAnEmptyStack() {
    assertTrue(call(LEAVES_STACK).isSuccess());
    assertEquals(Status.STACK_UNDERFLOW, call(POPS).status());
  }

  @Test
  void buffersGivenBackAreTakenAgainAndLiveOnesAreNeverShared() {
    FrameBuffers buffers = FrameBuffers.ofThread();
    Stack outer = buffers.takeStack();
    Memory outerMemory = buffers.takeMemory();
    Stack inner = buffers.takeStack();
    Memory innerMemory = buffers.takeMemory();
    assertNotSame(outer, inner);
    assertNotSame(outerMemory, innerMemory);

    inner.pushLong(7);
    innerMemory.ensure(0, 64);
    innerMemory.raw()[5] = 1;
    buffers.giveBack(inner, innerMemory);
    Stack again = buffers.takeStack();
    Memory memoryAgain = buffers.takeMemory();
    assertSame(inner, again);
    assertSame(innerMemory, memoryAgain);
    assertEquals(0, again.size());
    assertEquals(0, memoryAgain.size());
    assertEquals(0, memoryAgain.raw()[5]);
  }

  @Test
  void eachThreadHasItsOwnBuffers() throws Exception {
    FrameBuffers[] other = new FrameBuffers[1];
    Thread t = new Thread(() -> other[0] = FrameBuffers.ofThread());
    t.start();
    t.join();
    assertNotSame(FrameBuffers.ofThread(), other[0]);
  }
}
