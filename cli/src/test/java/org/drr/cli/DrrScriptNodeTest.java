package org.drr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real {@code ./drr} launcher, as a separate process, against the test node. */
class DrrScriptNodeTest extends CliFixture {
  private DrrRun script(String... args) throws Exception {
    List<String> all = new ArrayList<>(common());
    all.addAll(List.of(args));
    return DrrScriptTest.runScript("", all.toArray(String[]::new));
  }

  @Test
  void registersShowsAndRefusesThroughTheLauncher() throws Exception {
    String hash = "0x" + "5c".repeat(32);
    DrrRun registered = script("--from", "hk-co", "--json", "asset", "register",
        "--content-hash", hash, "--title", "Launcher test", "--scenario", "smoke test",
        "--category", "PUBLIC", "--classification", "GENERAL", "--sector", "transport");
    assertEquals(0, registered.exitCode(), registered.toString());
    JsonNode json = new ObjectMapper().readTree(registered.out());
    String asset = json.get("assetId").asText();
    JsonNode event = json.get("events").get(0);
    assertEquals("AssetRegistered", event.get("event").asText(), json.toString());
    assertEquals(asset, event.get("args").get("assetId").asText());
    assertEquals("GENERAL", event.get("args").get("classification").asText());

    DrrRun shown = script("asset", "show", asset);
    assertEquals(0, shown.exitCode(), shown.toString());
    assertTrue(shown.out().contains("Launcher test"), shown.out());

    BigInteger before = nonceOf("hk-co");
    DrrRun again = script("--from", "hk-co", "asset", "register", "--content-hash", hash,
        "--title", "Again", "--scenario", "smoke test", "--category", "PUBLIC",
        "--classification", "GENERAL", "--sector", "transport");
    assertRefused(again, ExitCode.REJECTED, "DuplicateRegistration(fingerprint=" + hash,
        "hk-co", before);
  }
}
