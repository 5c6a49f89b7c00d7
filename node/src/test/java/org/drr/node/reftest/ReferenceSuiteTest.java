package org.drr.node.reftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ReferenceSuiteTest {
  @Test
  void countsEachOutcomeAndNamesTheFailingCase() throws Throwable {
    ReferenceSuite suite =
        new ReferenceSuite("Demo", SkipList.of("skipMe", "exercises the skip path"));
    suite.test(new CaseId("a.json", "ok"), () -> {}).getExecutable().execute();
    AssertionFailedError failure =
        assertThrows(
            AssertionFailedError.class,
            () ->
                suite
                    .test(
                        new CaseId("dir/b.json", "bad", "Cancun d=1 g=0 v=2"),
                        () -> {
                          throw new IllegalStateException("root mismatch");
                        })
                    .getExecutable()
                    .execute());
    assertTrue(failure.getMessage().startsWith("dir/b.json: bad [Cancun d=1 g=0 v=2]: "));
    assertTrue(failure.getMessage().contains("root mismatch"));
    assertThrows(
        TestAbortedException.class,
        () -> suite.test(new CaseId("c.json", "skipMe"), () -> {}).getExecutable().execute());
    assertThrows(
        TestAbortedException.class,
        () -> suite.skip(new CaseId("c.json", "blob"), "type 3").getExecutable().execute());
    assertEquals("Demo: 1 passed, 1 failed, 2 skipped", suite.summary());
  }

  @Test
  void aSuiteWithoutFixturesCountsOneFailure() throws Throwable {
    ReferenceSuite suite = new ReferenceSuite("NoSuchSuite", SkipList.none());
    List<DynamicNode> nodes = suite.perFile((file, json) -> Stream.empty()).toList();
    assertEquals(1, nodes.size());
    assertThrows(
        AssertionFailedError.class, () -> ((DynamicTest) nodes.get(0)).getExecutable().execute());
    assertEquals("NoSuchSuite: 0 passed, 1 failed, 0 skipped", suite.summary());
  }

  @Test
  void skipEntriesNeedAReason() {
    assertThrows(IllegalArgumentException.class, () -> SkipList.of("x", " "));
    assertThrows(IllegalArgumentException.class, () -> SkipList.of("x"));
  }

  @Test
  void findsTheFixtures() {
    assertTrue(Files.isDirectory(Fixtures.suite("RLPTests")));
    assertTrue(Fixtures.jsonFiles(Fixtures.suite("RLPTests")).size() >= 3);
  }
}
