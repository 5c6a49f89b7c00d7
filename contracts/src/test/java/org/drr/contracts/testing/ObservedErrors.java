package org.drr.contracts.testing;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Every custom error the tests of this JVM have seen a real node revert with, by canonical
 * signature ({@code NotHolder(uint256,address)}). {@link Actor#expectRevert} records into it;
 * {@code ErrorCoverageTest} compares it with the errors the ABIs declare.
 */
public final class ObservedErrors {
  private static final Set<String> SEEN = new ConcurrentSkipListSet<>();

  private ObservedErrors() {}

  static void record(String signature) {
    SEEN.add(signature);
  }

  /** The signatures seen so far, sorted. */
  public static Set<String> seen() {
    return new TreeSet<>(SEEN);
  }
}
