package org.drr.node.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

class OpcodeTableTest {
  @Test
  void everyDefinedCancunOpcodeHasAHandlerAndEveryHandlerIsADefinedOpcode() {
    Operation[] t = OpcodeTable.forFork(Fork.CANCUN);
    for (int op = 0; op < 256; op++) {
      boolean defined = !Opcodes.name(op).startsWith("0x");
      if (defined) {
        assertNotNull(t[op], "no handler for " + Opcodes.name(op));
        assertNotNull(t[op].handler, "null handler for " + Opcodes.name(op));
        assertEquals(op, t[op].opcode);
        assertEquals(Opcodes.name(op), t[op].name);
      } else {
        assertNull(t[op], "handler for undefined opcode 0x" + Integer.toHexString(op));
      }
    }
  }

  @Test
  void eachForkKeepsThePreviousForksOpcodes() {
    Fork previous = null;
    for (Fork fork : Fork.values()) {
      if (fork.compareTo(Fork.LATEST_SUPPORTED) > 0) {
        break;
      }
      if (previous != null) {
        Operation[] before = OpcodeTable.forFork(previous);
        Operation[] now = OpcodeTable.forFork(fork);
        for (int op = 0; op < 256; op++) {
          if (before[op] != null) {
            assertNotNull(now[op], Opcodes.name(op) + " disappeared in " + fork);
          }
        }
      }
      previous = fork;
    }
  }

  @Test
  void opcodesAppearInTheForkOfTheirEip() {
    assertNull(OpcodeTable.forFork(Fork.PARIS)[Opcodes.PUSH0]);
    assertNotNull(OpcodeTable.forFork(Fork.SHANGHAI)[Opcodes.PUSH0]);
    for (int op : new int[] {Opcodes.TLOAD, Opcodes.TSTORE, Opcodes.MCOPY, Opcodes.BLOBHASH,
        Opcodes.BLOBBASEFEE}) {
      assertNull(OpcodeTable.forFork(Fork.SHANGHAI)[op], Opcodes.name(op));
      assertNotNull(OpcodeTable.forFork(Fork.CANCUN)[op], Opcodes.name(op));
    }
    assertNull(OpcodeTable.forFork(Fork.BERLIN)[Opcodes.BASEFEE]);
    assertNull(OpcodeTable.forFork(Fork.HOMESTEAD)[Opcodes.REVERT]);
    assertTrue(OpcodeTable.forFork(Fork.HOMESTEAD)[Opcodes.DELEGATECALL] != null);
  }

  @Test
  void unsupportedForkIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OpcodeTable.forFork(Fork.PRAGUE));
    assertTrue(e.getMessage().contains("PRAGUE"), e.getMessage());
  }
}
