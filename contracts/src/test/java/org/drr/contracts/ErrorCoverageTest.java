package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Set;
import java.util.TreeSet;
import org.drr.contracts.testing.ObservedErrors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every custom error any contract declares must have been raised by a real node in this run.
 *
 * <p>Runs after every other test class (class order by {@code @Order}, configured in
 * contracts/pom.xml), so it is meaningful only in a full run of the module's suite. Run alone
 * (no rule test raised anything in this JVM) it is skipped, saying why, rather than failing.
 */
@Order(Integer.MAX_VALUE)
class ErrorCoverageTest {
  @Test
  void everyDeclaredErrorWasObserved() {
    assumeFalse(
        ObservedErrors.seen().isEmpty(),
        "no rule test ran in this JVM: error coverage is judged only in a run of the whole suite");
    Set<String> missing = new TreeSet<>(RevertDecoder.fromClasspath().declaredErrors());
    missing.removeAll(ObservedErrors.seen());
    assertTrue(missing.isEmpty(), "custom errors no test reached: " + missing);
  }
}
