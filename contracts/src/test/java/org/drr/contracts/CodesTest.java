package org.drr.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drr.contracts.testing.TestNode;
import org.junit.jupiter.api.Test;

/** The Java codes must equal the Solidity constants of DrrTypes.sol, in both directions. */
class CodesTest {
  private static final Pattern CONSTANT =
      Pattern.compile("^uint8 constant ([A-Z_]+) = (\\d+);", Pattern.MULTILINE);

  /** Solidity constant prefix -> the Java enum holding those codes (longest prefix first). */
  private static final Map<String, Class<? extends Enum<?>>> PREFIXES = new LinkedHashMap<>();

  static {
    PREFIXES.put("PARTICIPANT_", Codes.ParticipantStatus.class);
    PREFIXES.put("REGION_", Codes.Region.class);
    PREFIXES.put("KIND_", Codes.ParticipantKind.class);
    PREFIXES.put("CATEGORY_", Codes.Category.class);
    PREFIXES.put("CLASS_", Codes.Classification.class);
    PREFIXES.put("ASSET_", Codes.AssetStatus.class);
    PREFIXES.put("RIGHT_", Codes.Right.class);
    PREFIXES.put("GRANT_", Codes.GrantStatus.class);
    PREFIXES.put("VALIDITY_", Codes.Validity.class);
    PREFIXES.put("DECISION_", Codes.Decision.class);
    PREFIXES.put("REASON_", Codes.DecisionReason.class);
    PREFIXES.put("SUBJECT_", Codes.Subject.class);
    PREFIXES.put("TRANSFER_", Codes.TransferStatus.class);
    PREFIXES.put("CASE_", Codes.CaseStatus.class);
    PREFIXES.put("OBJECTION_", Codes.ObjectionStatus.class);
    PREFIXES.put("OUTCOME_", Codes.ObjectionOutcome.class);
    PREFIXES.put("MOVED_BY_", Codes.MovedVia.class);
  }

  private static Map<String, Integer> solidityConstants() throws Exception {
    Path types = TestNode.projectRoot().resolve("contracts/src/main/solidity/DrrTypes.sol");
    Map<String, Integer> constants = new TreeMap<>();
    Matcher m = CONSTANT.matcher(Files.readString(types));
    while (m.find()) {
      constants.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return constants;
  }

  @Test
  void everyJavaCodeMatchesItsSolidityConstantAndViceVersa() throws Exception {
    Map<String, Integer> solidity = solidityConstants();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> java = new TreeMap<>();
    for (var entry : PREFIXES.entrySet()) {
      for (Enum<?> e : entry.getValue().getEnumConstants()) {
        java.put(entry.getKey() + e.name(), ((Codes.Code) e).code());
      }
    }
    for (var entry : java.entrySet()) {
      Integer onChain = solidity.get(entry.getKey());
      if (!entry.getValue().equals(onChain)) {
        problems.add(entry.getKey() + ": Java " + entry.getValue() + ", Solidity " + onChain);
      }
    }
    for (String name : solidity.keySet()) {
      boolean limit = name.endsWith("_COUNT") || name.equals("ALL_REGIONS_MASK")
          || name.equals("MAX_SUBLICENSE_DEPTH");
      if (!limit && !java.containsKey(name)) {
        problems.add(name + " has no Java code");
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(Codes.MAX_SUBLICENSE_DEPTH, solidity.get("MAX_SUBLICENSE_DEPTH"));
  }

  @Test
  void sectorCodesRoundTripAndAreBounded() {
    byte[] finance = Codes.sector("finance");
    assertEquals(32, finance.length);
    assertArrayEquals("finance".getBytes(), java.util.Arrays.copyOf(finance, 7));
    assertEquals("finance", Codes.sectorName(finance));
    assertEquals("健康", Codes.sectorName(Codes.sector("健康")));
    assertThrows(IllegalArgumentException.class, () -> Codes.sector(""));
    assertThrows(IllegalArgumentException.class, () -> Codes.sector("x".repeat(33)));
    assertEquals(Codes.Region.MO, Codes.fromCode(Codes.Region.class, 2));
    assertEquals(4, Codes.Region.MO.maskBit());
    assertThrows(IllegalArgumentException.class, () -> Codes.fromCode(Codes.Region.class, 3));
  }
}
