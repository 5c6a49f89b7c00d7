package org.drr.node.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.fork.Fork;
import org.drr.node.reftest.CaseId;
import org.drr.node.reftest.ReferenceSuite;
import org.drr.node.reftest.SkipList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * TransactionTests under the {@code Cancun} expectations (chain id 1): a valid transaction must
 * decode, pass intrinsic validation and match the expected hash, sender and intrinsic gas; an
 * invalid one must be refused for the reason the fixture names (mapped onto our reasons below). The
 * fork used is in each case's name; see {@link #expectationFork} for fixtures without Cancun.
 */
class TransactionReferenceTest {
  private static final ReferenceSuite SUITE =
      new ReferenceSuite("TransactionTests", SkipList.none());
  private static final String FORK_KEY = "Cancun";
  // The fixtures are signed for mainnet.
  private static final long CHAIN_ID = 1;

  // Fixture exception names (TransactionException.X) → the reason we must report.
  private static final Map<String, InvalidTransactionException.Reason> EXPECTED_REASONS =
      Map.ofEntries(
          Map.entry("ADDRESS_TOO_SHORT", InvalidTransactionException.Reason.MALFORMED_RLP),
          Map.entry("ADDRESS_TOO_LONG", InvalidTransactionException.Reason.MALFORMED_RLP),
          Map.entry("INVALID_SIGNATURE_VRS", InvalidTransactionException.Reason.INVALID_SIGNATURE),
          Map.entry("EC_RECOVERY_FAIL", InvalidTransactionException.Reason.INVALID_SIGNATURE),
          Map.entry("INVALID_CHAINID", InvalidTransactionException.Reason.INVALID_CHAIN_ID),
          Map.entry(
              "INTRINSIC_GAS_TOO_LOW", InvalidTransactionException.Reason.INTRINSIC_GAS_TOO_LOW),
          Map.entry(
              "INITCODE_SIZE_EXCEEDED", InvalidTransactionException.Reason.INIT_CODE_TOO_LARGE),
          Map.entry("NONCE_OVERFLOW", InvalidTransactionException.Reason.NONCE_OVERFLOW),
          Map.entry("NONCE_TOO_BIG", InvalidTransactionException.Reason.NONCE_TOO_BIG),
          Map.entry("GASLIMIT_OVERFLOW", InvalidTransactionException.Reason.GAS_LIMIT_OVERFLOW),
          Map.entry("GASPRICE_OVERFLOW", InvalidTransactionException.Reason.FEE_OVERFLOW),
          Map.entry("PRIORITY_OVERFLOW", InvalidTransactionException.Reason.FEE_OVERFLOW),
          Map.entry("VALUE_OVERFLOW", InvalidTransactionException.Reason.VALUE_OVERFLOW),
          Map.entry(
              "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2",
              InvalidTransactionException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE),
          Map.entry(
              "GASLIMIT_PRICE_PRODUCT_OVERFLOW",
              InvalidTransactionException.Reason.GAS_LIMIT_PRICE_PRODUCT_OVERFLOW),
          Map.entry("TYPE_NOT_SUPPORTED", InvalidTransactionException.Reason.UNSUPPORTED_TYPE));

  @TestFactory
  Stream<DynamicNode> transactionTests() {
    return SUITE.perFile(
        (file, json) -> {
          List<DynamicTest> cases = new ArrayList<>();
          json.fields()
              .forEachRemaining(
                  e -> {
                    JsonNode results = e.getValue().path("result");
                    String forkKey = expectationFork(results);
                    String txbytes = e.getValue().path("txbytes").asText();
                    cases.add(
                        SUITE.test(
                            new CaseId(file, e.getKey(), forkKey),
                            () -> check(txbytes, forkKey, results.get(forkKey))));
                  });
          return cases.stream();
        });
  }

  /**
   * "Cancun" when the fixture has it. 61 older fixtures (malformed-RLP and field-count cases) stop
   * at Shanghai or London; their newest expectation is used under that fork's rules, since nothing
   * they test changed in Cancun.
   */
  private static String expectationFork(JsonNode results) {
    if (results.has(FORK_KEY)) {
      return FORK_KEY;
    }
    String newest = null;
    for (var names = results.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (newest == null || Fork.fromName(name).isAtLeast(Fork.fromName(newest))) {
        newest = name;
      }
    }
    return newest;
  }

  @AfterAll
  static void summary() {
    SUITE.printSummary();
  }

  private static void check(String txbytes, String forkKey, JsonNode expected) {
    TransactionValidator validator = new TransactionValidator(Fork.fromName(forkKey), CHAIN_ID);
    Bytes raw = Bytes.fromHexString(txbytes);
    JsonNode exception = expected.get("exception");
    if (exception != null) {
      InvalidTransactionException.Reason want = expectedReason(exception.asText());
      try {
        Address sender = validator.validate(TransactionDecoder.decode(raw));
        fail("expected " + exception.asText() + " but the transaction is valid, sender " + sender);
      } catch (InvalidTransactionException e) {
        assertEquals(
            want, e.reason(), "expected " + exception.asText() + "; we said: " + e.getMessage());
      }
      return;
    }
    Transaction tx = TransactionDecoder.decode(raw);
    Address sender = validator.validate(tx);
    assertEquals(Bytes32.fromHexString(expected.get("hash").asText()), tx.hash(), "hash");
    assertEquals(Address.fromHexString(expected.get("sender").asText()), sender, "sender");
    assertEquals(
        Long.decode(expected.get("intrinsicGas").asText()).longValue(),
        IntrinsicGas.of(tx, validator.fork()),
        "intrinsic gas");
    assertEquals(raw, tx.encoded(), "re-encoding");
  }

  private static InvalidTransactionException.Reason expectedReason(String fixtureName) {
    String name = fixtureName.substring(fixtureName.indexOf('.') + 1);
    if (name.startsWith("RLP_")) {
      return InvalidTransactionException.Reason.MALFORMED_RLP;
    }
    InvalidTransactionException.Reason reason = EXPECTED_REASONS.get(name);
    if (reason == null) {
      throw new IllegalStateException("no mapping for fixture exception " + fixtureName);
    }
    return reason;
  }
}
