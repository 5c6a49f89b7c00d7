package org.drr.node.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.drr.node.fork.Fork;
import org.junit.jupiter.api.Test;

/** The activation table: which address exists at which fork, and which price set it uses. */
class PrecompilesTest {
  /** First fork of each address 1..10 (index 0 unused). */
  private static final Fork[] FIRST_FORK = {
    null, Fork.FRONTIER, Fork.FRONTIER, Fork.FRONTIER, Fork.FRONTIER,
    Fork.BYZANTIUM, Fork.BYZANTIUM, Fork.BYZANTIUM, Fork.BYZANTIUM,
    Fork.ISTANBUL, Fork.CANCUN
  };

  @Test
  void eachAddressAppearsAtItsForkAndStays() {
    for (Fork fork : Fork.values()) {
      for (int address = 1; address <= Precompiles.MAX_ADDRESS; address++) {
        Precompile precompile = Precompiles.forAddress(address, fork);
        if (fork.isBefore(FIRST_FORK[address])) {
          assertNull(precompile, "address " + address + " at " + fork);
        } else {
          assertNotNull(precompile, "address " + address + " at " + fork);
        }
      }
      assertNull(Precompiles.forAddress(0, fork));
      assertNull(Precompiles.forAddress(Precompiles.MAX_ADDRESS + 1, fork));
    }
  }

  @Test
  void repricedContractsSwitchAtTheirForks() {
    byte[] fermat = new byte[96 + 1 + 32 + 32];
    fermat[31] = 1;
    fermat[63] = 32;
    fermat[95] = 32;
    fermat[96] = 3;
    for (int i = 97; i < fermat.length; i++) {
      fermat[i] = (byte) 0xff;
    }
    // EIP-198 until Istanbul, EIP-2565 from Berlin (the EIP-198 Fermat example: 13056 → 1360).
    assertEquals(13056, Precompiles.forAddress(5, Fork.ISTANBUL).gasCost(fermat));
    assertEquals(1360, Precompiles.forAddress(5, Fork.BERLIN).gasCost(fermat));
    assertEquals(150, Precompiles.forAddress(6, Fork.ISTANBUL).gasCost(new byte[0]));
    assertEquals(500, Precompiles.forAddress(6, Fork.PETERSBURG).gasCost(new byte[0]));
    assertSame(Precompiles.forAddress(5, Fork.BERLIN), Precompiles.forAddress(5, Fork.PRAGUE));
    assertEquals(45_000, Precompiles.forAddress(8, Fork.PRAGUE).gasCost(new byte[0]));
  }
}
