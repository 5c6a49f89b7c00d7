package org.drr.node.rlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.reftest.CaseId;
import org.drr.node.reftest.ReferenceSuite;
import org.drr.node.reftest.SkipList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * RLPTests: each case's {@code in} must encode to {@code out} and {@code out} must decode back to
 * {@code in}; {@code "INVALID"} inputs must be refused and {@code "VALID"} ones must decode and
 * re-encode to themselves. Integers are JSON numbers or {@code "#decimal"} strings.
 */
class RlpReferenceTest {
  private static final ReferenceSuite SUITE = new ReferenceSuite("RLPTests", SkipList.none());

  @TestFactory
  Stream<DynamicNode> rlpTests() {
    return SUITE.perFile(
        (file, json) -> {
          List<DynamicTest> cases = new ArrayList<>();
          json.fields()
              .forEachRemaining(
                  e ->
                      cases.add(
                          SUITE.test(new CaseId(file, e.getKey()), () -> check(e.getValue()))));
          return cases.stream();
        });
  }

  @AfterAll
  static void summary() {
    SUITE.printSummary();
  }

  private static void check(JsonNode testCase) {
    Bytes out = Bytes.fromHexString(testCase.get("out").asText());
    JsonNode in = testCase.get("in");
    if (in.isTextual() && in.asText().equals("INVALID")) {
      assertThrows(RlpException.class, () -> Rlp.decodeItem(out), "decoding " + out + " must fail");
      return;
    }
    if (in.isTextual() && in.asText().equals("VALID")) {
      RlpWriter writer = new RlpWriter();
      Rlp.decodeItem(out).writeTo(writer);
      assertEquals(out, writer.toBytes(), "re-encoding");
      return;
    }
    RlpWriter writer = new RlpWriter();
    encode(in, writer);
    assertEquals(out, writer.toBytes(), "encoding of " + in);
    assertEquals(expectedTree(in), Rlp.decodeItem(out), "decoding of " + out);
  }

  private static void encode(JsonNode in, RlpWriter writer) {
    if (in.isArray()) {
      writer.startList();
      in.forEach(item -> encode(item, writer));
      writer.endList();
    } else if (in.isIntegralNumber()) {
      writer.writeBigInteger(in.bigIntegerValue());
    } else if (in.asText().startsWith("#")) {
      writer.writeBigInteger(new BigInteger(in.asText().substring(1)));
    } else {
      writer.writeBytes(in.asText().getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static RlpItem expectedTree(JsonNode in) {
    if (in.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      in.forEach(item -> items.add(expectedTree(item)));
      return new RlpItem.Lst(items);
    }
    RlpWriter scalar = new RlpWriter();
    encode(in, scalar);
    return new RlpItem.Str(Rlp.decodeBytes(scalar.toBytes()));
  }
}
