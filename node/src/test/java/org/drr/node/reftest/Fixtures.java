package org.drr.node.reftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the Ethereum reference-test fixtures and reads their JSON files. The folder is, in order:
 * the system property {@code drr.fixtures}; {@code <drr.root>/../shared/conformance/ethereum-tests}
 * ({@code drr.root} is set by surefire to the project root); the first {@code
 * shared/conformance/ethereum-tests} found beside or inside an ancestor of the working directory. A
 * missing folder is an error, never a silent pass.
 */
public final class Fixtures {
  private static final String RELATIVE = "shared/conformance/ethereum-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The fixtures root folder. */
  public static Path root() {
    String explicit = System.getProperty("drr.fixtures");
    if (explicit != null && !explicit.isBlank()) {
      return requireDirectory(Path.of(explicit), "system property drr.fixtures");
    }
    String projectRoot = System.getProperty("drr.root");
    if (projectRoot != null && !projectRoot.isBlank()) {
      Path candidate = Path.of(projectRoot).resolve("..").resolve(RELATIVE).normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve(RELATIVE), dir.resolveSibling(RELATIVE))) {
        if (Files.isDirectory(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "reference-test fixtures not found: set -Ddrr.fixtures=DIR, or place them at ../"
            + RELATIVE
            + " relative to the project root (drr.root="
            + projectRoot
            + ", cwd="
            + Path.of("").toAbsolutePath()
            + ")");
  }

  /** The folder of one suite, e.g. {@code suite("RLPTests")}. */
  public static Path suite(String name) {
    return requireDirectory(root().resolve(name), "suite " + name);
  }

  /** Every {@code .json} file under {@code dir}, recursively, in a stable (sorted) order. */
  public static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list fixtures under " + dir, e);
    }
  }

  /** Parses one fixture file. */
  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse fixture " + file, e);
    }
  }

  private static Path requireDirectory(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(what + ": fixtures folder " + dir + " does not exist");
    }
    return dir;
  }
}
