package org.drr.node.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForkTest {
  @Test
  void laterForksIncludeEarlierRules() {
    assertTrue(Fork.CANCUN.isAtLeast(Fork.SHANGHAI));
    assertTrue(Fork.CANCUN.isAtLeast(Fork.CANCUN));
    assertFalse(Fork.SHANGHAI.isAtLeast(Fork.CANCUN));
    assertTrue(Fork.BERLIN.isBefore(Fork.LONDON));
  }

  @Test
  void parsesReferenceTestAndGenesisSpellings() {
    assertEquals(Fork.CANCUN, Fork.fromName("Cancun"));
    assertEquals(Fork.PARIS, Fork.fromName("Merge"));
    assertEquals(Fork.TANGERINE_WHISTLE, Fork.fromName("TangerineWhistle"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fork.fromName("Osaka2"));
    assertTrue(e.getMessage().contains("Osaka2"));
  }
}
