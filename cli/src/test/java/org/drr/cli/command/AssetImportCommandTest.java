package org.drr.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drr.cli.CliFixture;
import org.drr.cli.DrrRun;
import org.drr.cli.ExitCode;
import org.drr.cli.input.Fingerprints;
import org.junit.jupiter.api.Test;

/** {@code drr asset import}: pipelined bulk registration from a CSV manifest. */
class AssetImportCommandTest extends CliFixture {
  private static String hash(String tag) {
    return Fingerprints.ofText("import-test-" + tag);
  }

  private Path manifest(String name, String body) throws Exception {
    Path p = home.resolve(name);
    Files.writeString(p, "content_hash,file,title,scenario,category,classification,sector\n"
        + body);
    return p;
  }

  @Test
  void registersEveryRowAndReportsTheOneTheContractRefuses() throws Exception {
    // Row 3 repeats a fingerprint gd-co already holds: refused on chain, the others go through.
    String taken = hash("taken");
    ok(drrAs("gd-co", "asset", "register", "--content-hash", taken, "--title", "Taken",
        "--scenario", "s", "--category", "PUBLIC", "--classification", "GENERAL",
        "--sector", "transport"));
    Files.writeString(home.resolve("bus.csv"), "route,riders\n1,100\n");
    StringBuilder rows = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      String content = i == 3 ? taken : hash("row" + i);
      if (i == 7) {
        rows.append(",bus.csv,\"Bus ridership, 2030\",fare planning,PUBLIC,GENERAL,transport\n");
      } else {
        rows.append(content).append(",,Dataset ").append(i)
            .append(",risk model,ENTERPRISE,GENERAL,finance\n");
      }
    }
    BigInteger before = nonceOf("gd-co");
    DrrRun run = drrAs("gd-co", "--json", "asset", "import",
        manifest("m.csv", rows.toString()).toString(), "--window", "8");
    assertEquals(ExitCode.REJECTED, run.exitCode(), run.toString());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(25, report.get("rows").asInt());
    assertEquals(24, report.get("registered").asInt());
    assertEquals(1, report.get("failed").asInt());
    assertEquals(before.add(BigInteger.valueOf(24)), nonceOf("gd-co"),
        "the refused row must not have been sent");
    JsonNode row3 = report.get("results").get(2);
    assertEquals(3, row3.get("row").asInt());
    assertTrue(row3.get("error").asText().startsWith("DuplicateRegistration(fingerprint=" + taken),
        row3.toString());
    JsonNode row7 = report.get("results").get(6);
    String busAsset = row7.get("assetId").asText();
    assertEquals(ExitCode.OK, drr("asset", "verify-file", busAsset, "--file",
        home.resolve("bus.csv").toString()).exitCode());
    assertEquals("Bus ridership, 2030", field(ok(drr("asset", "show", busAsset)), "title"));
  }

  @Test
  void anInvalidRowStopsTheImportBeforeAnythingIsSent() throws Exception {
    BigInteger before = nonceOf("gd-co2");
    Path m = manifest("bad.csv", hash("ok1") + ",,Fine,s,PUBLIC,GENERAL,transport\n"
        + hash("ok2") + ",,Wrong class,s,PUBLIC,SECRET,transport\n"
        + hash("ok1") + ",,Twice,s,PUBLIC,GENERAL,transport\n"
        + ",missing.csv,No file,s,PUBLIC,GENERAL,transport\n");
    DrrRun run = drrAs("gd-co2", "asset", "import", m.toString());
    assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(java.util.List.of(
        "row 2: unknown classification 'SECRET' (one of GENERAL, IMPORTANT, CORE)",
        "row 3: same content as row 1 (" + hash("ok1") + ")",
        "row 4: file not found for file: " + home.resolve("missing.csv"),
        "drr: 3 of 4 manifest rows are invalid (listed above); nothing was sent"
            + " (--skip-invalid sends the rest)"), run.errLines());
    assertEquals(before, nonceOf("gd-co2"));
  }

  @Test
  void aManifestWithoutTheRequiredColumnsIsBadInput() throws Exception {
    Path m = home.resolve("cols.csv");
    Files.writeString(m, "content_hash,title\n0x00,t\n");
    DrrRun run = drrAs("gd-co2", "asset", "import", m.toString());
    assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.toString());
    assertTrue(run.errLines().get(0).contains(
        "lacks column(s) [scenario, category, classification, sector]"), run.toString());
  }
}
