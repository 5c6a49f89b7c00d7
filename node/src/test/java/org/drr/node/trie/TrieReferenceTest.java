package org.drr.node.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.reftest.CaseId;
import org.drr.node.reftest.Fixtures;
import org.drr.node.reftest.ReferenceSuite;
import org.drr.node.reftest.SkipList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * TrieTests: every file of the suite.
 *
 * <ul>
 *   <li>{@code trietest*.json}: {@code in} is an ordered list of {@code [key, value]} updates, a
 *       {@code null} value deleting the key; the final root must equal {@code root}.
 *   <li>{@code trieanyorder*.json}, {@code hex_encoded_securetrie_test.json}: {@code in} is a map;
 *       the root must equal {@code root} whatever the insertion order, so each case is checked in
 *       the given order, reversed, and in several seeded shuffles.
 *   <li>{@code trietestnextprev.json}: {@code in} lists keys; each of {@code tests} is {@code [key,
 *       previous, next]}, the nearest keys strictly before and after {@code key} ({@code ""} for
 *       none), checked with {@link MerklePatriciaTrie#forEachFrom}.
 * </ul>
 *
 * <p>Files whose name contains "secure" use the secure (keccak-keyed) trie. Strings starting with
 * {@code 0x} are hex; others are their bytes. Every case is also committed to a store and reopened
 * at its root, which must read back the same values.
 */
class TrieReferenceTest {
  private static final ReferenceSuite SUITE = new ReferenceSuite("TrieTests", SkipList.none());

  @TestFactory
  Stream<DynamicNode> trieTests() {
    return SUITE.perFile(
        Fixtures.suite("TrieTests"),
        (file, json) -> {
          List<DynamicTest> cases = new ArrayList<>();
          boolean secure = file.toLowerCase().contains("secure");
          json.fields()
              .forEachRemaining(
                  e -> {
                    CaseId id = new CaseId(file, e.getKey());
                    JsonNode testCase = e.getValue();
                    if (file.startsWith("trietestnextprev")) {
                      cases.add(SUITE.test(id, () -> checkNextPrev(testCase)));
                    } else {
                      cases.add(SUITE.test(id, () -> checkRoot(testCase, secure)));
                    }
                  });
          return cases.stream();
        });
  }

  @AfterAll
  static void summary() {
    SUITE.printSummary();
  }

  private static Bytes bytes(JsonNode text) {
    String s = text.asText();
    return s.startsWith("0x")
        ? Bytes.fromHexString(s)
        : Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private record Update(Bytes key, Bytes value) {}

  private static void checkRoot(JsonNode testCase, boolean secure) {
    Bytes32 expected = Bytes32.fromHexString(testCase.get("root").asText());
    JsonNode in = testCase.get("in");
    List<Update> updates = new ArrayList<>();
    if (in.isArray()) {
      for (JsonNode pair : in) {
        updates.add(
            new Update(
                bytes(pair.get(0)), pair.get(1).isNull() ? Bytes.EMPTY : bytes(pair.get(1))));
      }
      assertRoot(expected, updates, secure, "in the given order");
      return;
    }
    in.fields()
        .forEachRemaining(
            e ->
                updates.add(
                    new Update(
                        bytes(new com.fasterxml.jackson.databind.node.TextNode(e.getKey())),
                        bytes(e.getValue()))));
    assertRoot(expected, updates, secure, "in the given order");
    List<Update> reversed = new ArrayList<>(updates);
    Collections.reverse(reversed);
    assertRoot(expected, reversed, secure, "in reverse order");
    Random random = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<Update> shuffled = new ArrayList<>(updates);
      Collections.shuffle(shuffled, random);
      assertRoot(expected, shuffled, secure, "in shuffle " + round);
    }
  }

  private static void assertRoot(
      Bytes32 expected, List<Update> updates, boolean secure, String order) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
    for (Update update : updates) {
      Bytes key = secure ? org.drr.node.crypto.Keccak256.hash(update.key()) : update.key();
      trie.put(key, update.value());
    }
    assertEquals(expected, trie.rootHash(), "root " + order);
    assertEquals(expected, trie.commit(), "committed root " + order);
    MerklePatriciaTrie reopened = new MerklePatriciaTrie(store, expected);
    for (Update update : updates) {
      Bytes key = secure ? org.drr.node.crypto.Keccak256.hash(update.key()) : update.key();
      assertEquals(trie.get(key), reopened.get(key), "reopened value of " + update.key());
    }
  }

  private static void checkNextPrev(JsonNode testCase) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    for (JsonNode key : testCase.get("in")) {
      trie.put(bytes(key), bytes(key));
    }
    for (JsonNode check : testCase.get("tests")) {
      Bytes key = bytes(check.get(0));
      assertEquals(check.get(1).asText(), previousKey(trie, key), "previous of '" + key + "'");
      assertEquals(check.get(2).asText(), nextKey(trie, key), "next of '" + key + "'");
    }
  }

  private static String nextKey(MerklePatriciaTrie trie, Bytes key) {
    StringBuilder next = new StringBuilder();
    trie.forEachFrom(
        key,
        (k, v) -> {
          if (k.equals(key)) {
            return true;
          }
          next.append(new String(k.toArrayUnsafe(), StandardCharsets.UTF_8));
          return false;
        });
    return next.toString();
  }

  private static String previousKey(MerklePatriciaTrie trie, Bytes key) {
    String[] previous = {""};
    trie.forEachFrom(
        Bytes.EMPTY,
        (k, v) -> {
          if (Arrays.compareUnsigned(k.toArrayUnsafe(), key.toArrayUnsafe()) >= 0) {
            return false;
          }
          previous[0] = new String(k.toArrayUnsafe(), StandardCharsets.UTF_8);
          return true;
        });
    return previous[0];
  }
}
