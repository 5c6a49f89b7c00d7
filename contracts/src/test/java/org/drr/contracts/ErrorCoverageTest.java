package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.drr.contracts.testing.ObservedErrors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every custom error any contract declares must have been raised by a real node in this run.
 *
 * <p>Runs after every other test class (class order by {@code @Order}, configured in
 * contracts/pom.xml), so it is meaningful only in a full run of the module's suite; run alone
 * it reports every error as unobserved.
 */
@Order(Integer.MAX_VALUE)
class ErrorCoverageTest {
  @Test
  void everyDeclaredErrorWasObserved() {
    Set<String> missing = new TreeSet<>(RevertDecoder.fromClasspath().declaredErrors());
    missing.removeAll(ObservedErrors.seen());
    assertTrue(missing.isEmpty(), "custom errors no test reached: " + missing);
  }
}
