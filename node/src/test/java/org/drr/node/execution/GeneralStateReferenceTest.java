package org.drr.node.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.fork.Fork;
import org.drr.node.reftest.CaseId;
import org.drr.node.reftest.Fixtures;
import org.drr.node.reftest.ReferenceSuite;
import org.drr.node.reftest.SkipList;
import org.drr.node.state.WorldState;
import org.drr.node.trie.InMemoryNodeStore;
import org.drr.node.types.Log;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs every {@code Cancun} case of the GeneralStateTests: the pre-state is committed to a trie
 * and loaded back lazily (as a node's state is), the transaction selected by the entry's data/gas/value indexes is executed, and the post-state root
 * and logs hash are compared; an entry with {@code expectException} must be rejected. Blob
 * transactions (type 3, refused by this ledger) are skipped and counted; cases listed with a
 * diagnosis in {@code GeneralStateTests-known-failures.txt} are skipped and printed.
 */
class GeneralStateReferenceTest {
  private static final String FORK = "Cancun";
  private static final Map<String, String> KNOWN_FAILURES = loadKnownFailures();
  private static final ReferenceSuite SUITE =
      new ReferenceSuite("GeneralStateTests", SkipList.none());
  private static final List<String> SKIPPED_KNOWN = new ArrayList<>();
  /** One deep-stack thread for all cases, so the processor need not hand each one off. */
  private static final ExecutorService DEEP_STACK =
      Executors.newSingleThreadExecutor(DeepStack::newThread);

  private final TransactionProcessor processor = new TransactionProcessor(Fork.CANCUN);

  @TestFactory
  Stream<DynamicNode> cases() {
    return SUITE.perFile(Fixtures.suite("GeneralStateTests"), this::fileCases);
  }

  private Stream<DynamicTest> fileCases(String file, JsonNode json) {
    List<DynamicTest> tests = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = json.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> test = it.next();
      JsonNode post = test.getValue().path("post").get(FORK);
      if (post == null) {
        continue;
      }
      StateTestFixture fixture = new StateTestFixture(test.getValue());
      for (JsonNode entry : post) {
        JsonNode idx = entry.get("indexes");
        int d = idx.get("data").asInt();
        int g = idx.get("gas").asInt();
        int v = idx.get("value").asInt();
        CaseId id = new CaseId(file, test.getKey(), "d=" + d + " g=" + g + " v=" + v);
        if (fixture.isBlobTransaction()) {
          tests.add(SUITE.skip(id, "blob transaction (type 3) is refused by this ledger"));
          continue;
        }
        String known = KNOWN_FAILURES.get(file + "#" + test.getKey() + " [" + id.detail() + "]");
        if (known == null) {
          known = KNOWN_FAILURES.get(file + "#" + test.getKey());
        }
        if (known != null) {
          SKIPPED_KNOWN.add(id + " -- " + known);
          tests.add(SUITE.skip(id, "known failure: " + known));
          continue;
        }
        tests.add(SUITE.test(id, () -> runOnDeepStack(() -> check(fixture, entry, d, g, v))));
      }
    }
    return tests.stream();
  }

  private static void runOnDeepStack(Runnable body) throws Throwable {
    Future<?> f = DEEP_STACK.submit(body);
    try {
      f.get();
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  private void check(StateTestFixture fixture, JsonNode entry, int d, int g, int v) {
    WorldState state = fixture.storedPreState(new InMemoryNodeStore());
    String expectedException =
        entry.has("expectException") ? entry.get("expectException").asText() : null;
    String txBytes = entry.has("txbytes") ? entry.get("txbytes").asText() : null;
    List<Log> logs = List.of();
    String outcome;
    try {
      TransactionMessage tx = fixture.transaction(d, g, v, txBytes);
      TransactionOutcome result = processor.execute(state, fixture.block, tx, 0);
      logs = result.receipt().logs();
      outcome = result.isSuccess() ? "success" : "failed: " + result.failure();
      if (expectedException != null) {
        throw new AssertionFailedError(
            "expected the transaction to be rejected (" + expectedException
                + ") but it was executed (" + outcome + ", gas used " + result.gasUsed() + ")");
      }
    } catch (TransactionRejectedException | StateTestFixture.MalformedTransaction e) {
      if (expectedException == null) {
        throw new AssertionFailedError("transaction rejected but valid per the test: " + e.getMessage());
      }
      outcome = "rejected: " + e.getMessage();
    }
    Bytes32 root = state.commit();
    Bytes32 expectedRoot = Bytes32.fromHexString(entry.get("hash").asText());
    Bytes32 logsHash = Log.hashOf(logs);
    Bytes32 expectedLogs = Bytes32.fromHexString(entry.get("logs").asText());
    if (!root.equals(expectedRoot) || !logsHash.equals(expectedLogs)) {
      throw new AssertionFailedError(
          (root.equals(expectedRoot) ? "" : "state root " + root + " != expected " + expectedRoot)
              + (logsHash.equals(expectedLogs)
                  ? ""
                  : " logs hash " + logsHash + " != expected " + expectedLogs)
              + "; transaction " + outcome + "\n"
              + StateDiff.describe(fixture, state, entry.get("state")));
    }
  }

  private static Map<String, String> loadKnownFailures() {
    Map<String, String> map = new LinkedHashMap<>();
    InputStream in =
        GeneralStateReferenceTest.class.getResourceAsStream("GeneralStateTests-known-failures.txt");
    if (in == null) {
      return map;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int bar = line.indexOf(" | ");
        if (bar < 0) {
          throw new IllegalStateException("known-failures line lacks ' | reason': " + line);
        }
        map.put(line.substring(0, bar).strip(), line.substring(bar + 3).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }

  @AfterAll
  static void summary() {
    if (!SKIPPED_KNOWN.isEmpty()) {
      System.out.println("GeneralStateTests known failures (skipped, " + SKIPPED_KNOWN.size() + "):");
      SKIPPED_KNOWN.forEach(s -> System.out.println("  " + s));
    }
    SUITE.printSummary();
  }
}
