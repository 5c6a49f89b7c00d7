package org.drr.node.evm;

import static org.drr.node.evm.EvmHarness.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InterpreterTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void chargesConstantAndMemoryExpansionGas() {
    EvmHarness h = new EvmHarness();
    // PUSH1 1, PUSH1 0, MSTORE: 3 + 3 + (3 + 3 for one word of memory) = 12.
    Frame f = h.run(hex("6001600052"), 100);
    assertEquals(Status.STOP, h.lastStatus);
    assertEquals(88, f.gas);
    assertEquals(32, f.memory.size());
  }

  @Test
  void quadraticMemoryCost() {
    EvmHarness h = new EvmHarness();
    // MSTORE at offset 0x400 (1024) expands to 33 words: 3*33 + 33*33/512 = 101.
    Frame f = h.run(hex("600161040052"), 1000);
    assertEquals(Status.STOP, h.lastStatus);
    assertEquals(1000 - 6 - 3 - 101, f.gas);
  }

  @Test
  void exceptionalHalts() {
    EvmHarness h = new EvmHarness();
    h.run(hex("01"), 100);
    assertEquals(Status.STACK_UNDERFLOW, h.lastStatus);
    h.run(hex("600356"), 100); // jump to 3, past the code
    assertEquals(Status.INVALID_JUMP, h.lastStatus);
    h.run(hex("6004565b"), 100); // the JUMPDEST at 3 is fine... but 4 is not
    assertEquals(Status.INVALID_JUMP, h.lastStatus);
    h.run(hex("600456605b"), 100); // 0x5b inside PUSH data is not a destination
    assertEquals(Status.INVALID_JUMP, h.lastStatus);
    h.run(hex("6001"), 2);
    assertEquals(Status.OUT_OF_GAS, h.lastStatus);
    h.run(hex("0c"), 100);
    assertEquals(Status.INVALID_OPCODE, h.lastStatus);
    h.run(hex("fe"), 100);
    assertEquals(Status.INVALID_OPCODE, h.lastStatus);
  }

  @Test
  void stackOverflowAt1025Words() {
    EvmHarness h = new EvmHarness();
    byte[] code = new byte[1025];
    java.util.Arrays.fill(code, (byte) Opcodes.PUSH0);
    h.run(code, 1_000_000);
    assertEquals(Status.STACK_OVERFLOW, h.lastStatus);
    h.run(java.util.Arrays.copyOf(code, 1024), 1_000_000);
    assertEquals(Status.STOP, h.lastStatus);
  }

  @Test
  void returnAndRevertCarryMemory() {
    EvmHarness h = new EvmHarness();
    Frame f = h.run(hex("602a60005260206000f3"), 1000);
    assertEquals(Status.RETURN, h.lastStatus);
    assertEquals(BigInteger.valueOf(42), new BigInteger(1, f.output));
    f = h.run(hex("602a60005260206000fd"), 1000);
    assertEquals(Status.REVERT, h.lastStatus);
    assertEquals(32, f.output.length);
  }

  @Test
  void transientStorageAndMcopy() {
    EvmHarness h = new EvmHarness();
    // TSTORE(1, 7); TLOAD(1)
    Frame f = h.run(hex("600760015d60015c"), 1000);
    assertEquals(BigInteger.valueOf(7), EvmHarness.top(f));
    // MSTORE(0, 0xab..); MCOPY(dst 32, src 0, len 32); MLOAD(32)
    f = h.run(concat(hex("60ab600052"), hex("6020600060205e"), hex("602051")), 1000);
    assertEquals(Status.STOP, h.lastStatus);
    assertEquals(BigInteger.valueOf(0xab), EvmHarness.top(f));
  }

  @Test
  void sstoreIsRefusedWithOnlyTheStipendLeft() {
    EvmHarness h = new EvmHarness();
    h.run(hex("6001600055"), 6 + 2300);
    assertEquals(Status.OUT_OF_GAS, h.lastStatus);
  }
}
