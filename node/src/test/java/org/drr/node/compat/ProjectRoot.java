package org.drr.node.compat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, where {@code npx} finds the pinned anvil and cast. */
final class ProjectRoot {
  private ProjectRoot() {}

  /** System property drr.root (set by surefire), else the nearest ancestor with package.json. */
  static Path get() {
    String configured = System.getProperty("drr.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("package.json")) && Files.isDirectory(dir.resolve("node"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath()
        + "; set -Ddrr.root");
  }
}
