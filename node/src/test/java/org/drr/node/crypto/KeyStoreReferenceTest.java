package org.drr.node.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.reftest.CaseId;
import org.drr.node.reftest.ReferenceSuite;
import org.drr.node.reftest.SkipList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** KeyStoreTests: each keystore must decrypt under its password to the expected key. */
class KeyStoreReferenceTest {
  private static final ReferenceSuite SUITE = new ReferenceSuite("KeyStoreTests", SkipList.none());

  @TestFactory
  Stream<DynamicNode> keyStoreTests() {
    return SUITE.perFile(
        (file, json) -> {
          List<DynamicTest> cases = new ArrayList<>();
          json.fields()
              .forEachRemaining(
                  e ->
                      cases.add(
                          SUITE.test(
                              new CaseId(file, e.getKey()),
                              () -> {
                                PrivateKey key =
                                    KeyStoreV3.decrypt(
                                        e.getValue().get("json"),
                                        e.getValue().get("password").asText());
                                assertEquals(
                                    Bytes32.fromHexString(e.getValue().get("priv").asText()),
                                    key.secret());
                              })));
          return cases.stream();
        });
  }

  @AfterAll
  static void summary() {
    SUITE.printSummary();
  }
}
