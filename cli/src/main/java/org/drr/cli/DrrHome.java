package org.drr.cli;

import java.nio.file.Path;

/**
 * The drr home folder: {@code $DRR_HOME}, or {@code ~/.drr}. It holds {@code keystore/},
 * {@code deployment.json} and, on the dev chain only, a {@code password} file.
 */
public final class DrrHome {
  private DrrHome() {}

  public static Path dir() {
    String env = System.getenv("DRR_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".drr");
  }
}
