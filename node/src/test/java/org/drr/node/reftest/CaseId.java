package org.drr.node.reftest;

/**
 * Names one reference-test case: the fixture file (relative to the suite folder), the test name
 * inside it, and optional indexes or fork (e.g. {@code "Cancun d=1 g=0 v=0"}); empty when none.
 */
public record CaseId(String file, String test, String detail) {
  public CaseId(String file, String test) {
    this(file, test, "");
  }

  /** "file: test [detail]", used as display name and in failure messages. */
  @Override
  public String toString() {
    return file + ": " + test + (detail.isEmpty() ? "" : " [" + detail + "]");
  }
}
