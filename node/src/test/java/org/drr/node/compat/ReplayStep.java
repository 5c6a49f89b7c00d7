package org.drr.node.compat;

/**
 * One transaction of a replayed sequence, before signing.
 *
 * @param label  what it does, for failure messages
 * @param sender the dev account index (0 to 9) that signs it
 * @param to     the called contract, or null for a creation
 * @param data   call data or init code, 0x-prefixed
 * @param expect what the scenario means it to do (checked on anvil, the reference)
 */
record ReplayStep(String label, int sender, String to, String data, Expect expect) {
  enum Expect {
    SUCCEED,
    REVERT,
    /** Randomized or policy-dependent: either outcome, as long as both nodes agree. */
    EITHER
  }
}
