package org.drr.node.reftest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cases a suite deliberately does not run, each with the reason. A key matches a case when it
 * equals the case's test name, its file, or {@code file#test}.
 */
public final class SkipList {
  private final Map<String, String> reasons;

  private SkipList(Map<String, String> reasons) {
    this.reasons = reasons;
  }

  public static SkipList none() {
    return new SkipList(Map.of());
  }

  /**
   * @param keyReasonPairs alternating key and reason
   * @throws IllegalArgumentException if a reason is missing or blank
   */
  public static SkipList of(String... keyReasonPairs) {
    if (keyReasonPairs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "skip list needs key/reason pairs; the last key has no reason");
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (int i = 0; i < keyReasonPairs.length; i += 2) {
      String reason = keyReasonPairs[i + 1];
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("skip entry " + keyReasonPairs[i] + " has no reason");
      }
      reasons.put(keyReasonPairs[i], reason);
    }
    return new SkipList(reasons);
  }

  /** The reason {@code id} is skipped, or empty if it runs. */
  public Optional<String> reason(CaseId id) {
    String reason = reasons.get(id.test());
    if (reason == null) {
      reason = reasons.get(id.file());
    }
    if (reason == null) {
      reason = reasons.get(id.file() + "#" + id.test());
    }
    return Optional.ofNullable(reason);
  }
}
