package org.drr.node.evm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JumpDestinationsTest {
  /** PUSH2 0x5b5b, JUMPDEST, PUSH1 0x00, JUMPDEST: only offsets 3 and 6 are destinations. */
  private static byte[] code() {
    return new byte[] {0x61, 0x5b, 0x5b, 0x5b, 0x60, 0x00, 0x5b};
  }

  @Test
  void skipsPushDataAndMarksRealJumpdests() {
    JumpDestinations d = JumpDestinations.analyze(code());
    assertFalse(d.isValid(1));
    assertFalse(d.isValid(2));
    assertTrue(d.isValid(3));
    assertFalse(d.isValid(5));
    assertTrue(d.isValid(6));
  }

  @Test
  void sharesOneAnalysisPerCodeArrayNotPerContent() {
    byte[] code = code();
    assertSame(JumpDestinations.of(code), JumpDestinations.of(code));
    // Equal content in another array gets its own (equal) analysis: identity is the key, so a
    // cache hit can never come from different code that happens to hash alike.
    JumpDestinations other = JumpDestinations.of(code());
    assertNotSame(JumpDestinations.of(code), other);
    assertTrue(other.isValid(6));
  }
}
