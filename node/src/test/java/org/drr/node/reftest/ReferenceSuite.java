package org.drr.node.reftest;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Counts and names the cases of one reference suite. A runner class (named {@code *ReferenceTest},
 * so that {@code scripts/reference-tests.sh} picks it up) holds one instance and uses it like this:
 *
 * <pre>{@code
 * class TrieReferenceTest {
 *   private static final ReferenceSuite SUITE = new ReferenceSuite("TrieTests", SkipList.none());
 *
 *   @TestFactory
 *   Stream<DynamicNode> cases() {
 *     return SUITE.perFile((file, json) ->
 *         stream of SUITE.test(new CaseId(file, name), () -> ...));
 *   }
 *
 *   @AfterAll
 *   static void summary() {
 *     SUITE.printSummary();
 *   }
 * }
 * }</pre>
 *
 * <p>Each case counts as passed, failed or skipped exactly once; a failure is rethrown with the
 * case's file, test name and indexes in front of the original message. The summary line is exactly
 * {@code NAME: N passed, M failed, K skipped}.
 */
public final class ReferenceSuite {
  private final String name;
  private final SkipList skips;
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();

  public ReferenceSuite(String name, SkipList skips) {
    this.name = name;
    this.skips = skips;
  }

  /** Produces the cases of one fixture file. {@code file} is relative to the suite folder. */
  @FunctionalInterface
  public interface FileCases {
    Stream<DynamicTest> cases(String file, com.fasterxml.jackson.databind.JsonNode json);
  }

  /**
   * One container per JSON file of this suite's fixtures folder ({@code Fixtures.suite(name)}). A
   * missing folder or an unreadable file becomes one failing case, so the summary line never
   * reports "0 failed" for a suite that could not run.
   */
  public Stream<DynamicNode> perFile(FileCases cases) {
    Path suiteDir;
    try {
      suiteDir = Fixtures.suite(name);
    } catch (RuntimeException e) {
      return Stream.of(
          test(
              new CaseId(name, "locate fixtures"),
              () -> {
                throw e;
              }));
    }
    return perFile(suiteDir, cases);
  }

  /** One container per JSON file under {@code suiteDir}, holding that file's cases. */
  public Stream<DynamicNode> perFile(Path suiteDir, FileCases cases) {
    return Fixtures.jsonFiles(suiteDir).stream()
        .map(
            path -> {
              String file = suiteDir.relativize(path).toString();
              Stream<? extends DynamicNode> children;
              try {
                children = cases.cases(file, Fixtures.read(path));
              } catch (RuntimeException e) {
                children =
                    Stream.of(
                        test(
                            new CaseId(file, "read fixture"),
                            () -> {
                              throw e;
                            }));
              }
              return DynamicContainer.dynamicContainer(file, path.toUri(), children);
            });
  }

  /** A case that runs {@code body} unless the skip list names it. */
  public DynamicTest test(CaseId id, Executable body) {
    return skips
        .reason(id)
        .map(reason -> skip(id, reason))
        .orElseGet(() -> DynamicTest.dynamicTest(displayName(id), () -> run(id, body)));
  }

  /** A case skipped for {@code reason} found while reading the fixture (e.g. a blob tx). */
  public DynamicTest skip(CaseId id, String reason) {
    return DynamicTest.dynamicTest(
        displayName(id),
        () -> {
          skipped.incrementAndGet();
          throw new TestAbortedException(id + " skipped: " + reason);
        });
  }

  // The file is already the enclosing container's name.
  private static String displayName(CaseId id) {
    return id.test() + (id.detail().isEmpty() ? "" : " [" + id.detail() + "]");
  }

  private void run(CaseId id, Executable body) throws Throwable {
    try {
      body.execute();
    } catch (TestAbortedException e) {
      skipped.incrementAndGet();
      throw e;
    } catch (Throwable e) {
      failed.incrementAndGet();
      throw new AssertionFailedError(id + ": " + e, e);
    }
    passed.incrementAndGet();
  }

  public int passed() {
    return passed.get();
  }

  public int failed() {
    return failed.get();
  }

  public int skipped() {
    return skipped.get();
  }

  /** {@code NAME: N passed, M failed, K skipped}. */
  public String summary() {
    return name + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }

  /** Prints {@link #summary()} on its own line to standard output. */
  public void printSummary() {
    System.out.println(summary());
  }
}
