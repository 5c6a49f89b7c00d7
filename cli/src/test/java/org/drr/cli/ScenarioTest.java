package org.drr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end story of issue 2, told only through {@code drr} commands against a real node:
 * register → two-level licence chain → cross-border transfer that needs approval → negative
 * list → white-list exemption → an objection blocks a transfer → a dispute freezes the asset →
 * a ruling revokes a grant and the sub-licence below it stops being valid → the history shows
 * every step.
 */
class ScenarioTest extends CliFixture {
  private static final String UNTIL = "2035-01-01T00:00:00Z";

  private String register(String holder, Path data, String title, String classification,
      String sector) {
    DrrRun run = ok(drrAs(holder, "asset", "register", "--file", data.toString(),
        "--title", title, "--scenario", "credit scoring for cross-border SME loans",
        "--category", "ENTERPRISE", "--classification", classification, "--sector", sector));
    return field(run, "assetId");
  }

  @Test
  void theWholeLifecycleThroughTheCli() throws Exception {
    // 1. First registration from a local file: only its SHA-256 goes on chain.
    Path data = file("port-logistics.csv", "container,eta\nMSCU123,2030-01-01\n");
    String asset = register("gd-co", data, "Port logistics 2030", "GENERAL", "transport");
    DrrRun shown = ok(drr("asset", "show", asset));
    assertEquals("GD", field(shown, "originRegion"));
    assertTrue(field(shown, "scenario").startsWith("credit scoring"), shown.out());
    assertEquals(ExitCode.OK, drr("asset", "verify-file", asset, "--file", data.toString())
        .exitCode());
    Path tampered = file("tampered.csv", "container,eta\nMSCU123,2031-01-01\n");
    assertEquals(ExitCode.CHECK_FAILED,
        drr("asset", "verify-file", asset, "--file", tampered.toString()).exitCode());
    DrrRun found = ok(drr("asset", "find", "--file", data.toString()));
    assertTrue(found.out().lines().skip(1).findFirst().orElseThrow().startsWith("1 "),
        found.out());

    // 2. Two-level licence chain: holder → gd-co2 (may sub-license) → hk-co, usable in GD.
    Path terms = file("terms.pdf", "USE licence terms v1");
    String g1 = field(ok(drrAs("gd-co", "grant", "issue", asset, "--grantee", "gd-co2",
        "--right", "USE", "--regions", "GD", "--valid-until", UNTIL, "--terms", terms.toString(),
        "--base-price", "1000", "--scenario-premium", "250", "--sublicensable",
        "--max-depth", "2")), "grantId");
    String g2 = field(ok(drrAs("gd-co2", "grant", "sublicense", g1, "--grantee", "hk-co",
        "--terms", terms.toString(), "--max-depth", "0")), "grantId");
    DrrRun valid = ok(drr("grant", "check", g2, "--region", "GD"));
    assertEquals("#" + g2 + " → #" + g1 + " → holder", field(valid, "chain"));
    DrrRun elsewhere = drr("grant", "check", "--account", "hk-co", "--asset", asset,
        "--right", "USE", "--region", "HK");
    assertEquals(ExitCode.CHECK_FAILED, elsewhere.exitCode(), elsewhere.toString());
    assertEquals("REGION_NOT_ALLOWED", field(elsewhere, "reason"));
    DrrRun tree = ok(drr("grant", "tree", asset));
    assertTrue(tree.out().contains("└ #" + g2), tree.out());

    // 3. Cross-border transfer of IMPORTANT data needs the origin authority's approval.
    String important = register("gd-co", file("grid.csv", "substation,load\nA,1\n"),
        "Grid load", "IMPORTANT", "energy");
    DrrRun requested = ok(drrAs("gd-co", "transfer", "request", important, "--to", "hk-co"));
    assertEquals("NEEDS_APPROVAL", field(requested, "decision"));
    assertEquals("IMPORTANT", field(requested, "reason"));
    String t1 = field(requested, "transferId");
    BigInteger hkNonce = nonceOf("hk-co");
    assertRefused(drrAs("hk-co", "transfer", "accept", t1), ExitCode.REJECTED,
        "WrongTransferStatus(transferId=" + t1 + ", status=AWAITING_APPROVAL)", "hk-co", hkNonce);
    ok(drrAs("gd-authority", "transfer", "approve", t1, "--document",
        file("assessment.pdf", "security assessment passed").toString()));
    ok(drrAs("hk-co", "transfer", "accept", t1));
    assertEquals("COMPLETED", field(ok(drr("transfer", "show", t1)), "status"));
    assertEquals(node.devAccount(6).getAddress().toLowerCase(),
        field(ok(drr("asset", "show", important)), "holder").toLowerCase());

    // 4. Negative list: GD lists "health"; a GD→MO flow of health data then needs approval.
    ok(drrAs("gd-authority", "policy", "negative-list", "add", "--region", "GD",
        "--sector", "health"));
    String health = register("gd-co", file("clinics.csv", "clinic,beds\nX,10\n"),
        "Clinic capacity", "GENERAL", "health");
    DrrRun listed = drr("policy", "check", health, "--recipient", "mo-co");
    assertEquals(ExitCode.CHECK_FAILED, listed.exitCode(), listed.toString());
    assertEquals("NEEDS_APPROVAL", field(listed, "decision"));
    assertEquals("NEGATIVE_LIST", field(listed, "reason"));

    // 5. White-list exemption: mo-co has a standard contract on file for GD→MO.
    ok(drrAs("gd-authority", "policy", "whitelist", "add", "--from-region", "GD",
        "--to-region", "MO", "--recipient", "mo-co", "--contract",
        file("standard-contract.pdf", "GD-MO standard contract").toString()));
    DrrRun exempt = ok(drr("policy", "check", health, "--recipient", "mo-co"));
    assertEquals("ALLOWED", field(exempt, "decision"));
    assertEquals("NEGATIVE_LIST_WHITELISTED", field(exempt, "reason"));
    String t2 = field(ok(drrAs("gd-co", "transfer", "request", health, "--to", "mo-co")),
        "transferId");
    ok(drrAs("mo-co", "transfer", "accept", t2));
    assertTrue(ok(drr("policy", "show", "--region", "GD")).out().contains("health"));

    // 6. An objection blocks transferring the first asset.
    String objection = field(ok(drrAs("gd-co2", "asset", "object", asset, "--grounds",
        file("grounds.pdf", "we collected this data first").toString())), "objectionId");
    BigInteger gdNonce = nonceOf("gd-co");
    assertRefused(drrAs("gd-co", "transfer", "request", asset, "--to", "gd-co2"),
        ExitCode.REJECTED, "OpenObjection(assetId=" + asset + ", objectionId=" + objection + ")",
        "gd-co", gdNonce);

    // 7. A dispute: the court freezes the asset; no new grants while frozen.
    String caseId = field(ok(drrAs("gd-co2", "dispute", "open", asset, "--respondent", "gd-co",
        "--grant", g1, "--claim", file("claim.pdf", "licence breached").toString())), "caseId");
    ok(drrAs("gd-co", "dispute", "evidence", caseId, "--evidence",
        file("evidence.pdf", "access logs").toString()));
    ok(drrAs("court", "dispute", "freeze", caseId));
    gdNonce = nonceOf("gd-co");
    assertRefused(drrAs("gd-co", "grant", "issue", asset, "--grantee", "mo-co", "--right", "USE",
            "--regions", "GD", "--valid-until", UNTIL, "--terms", terms.toString()),
        ExitCode.REJECTED, "AssetFrozen(assetId=" + asset + ")", "gd-co", gdNonce);

    // 8. The ruling revokes the first grant; the sub-licence below it stops being valid.
    ok(drrAs("court", "dispute", "rule", caseId, "--document",
        file("ruling.pdf", "judgment").toString(), "--revoke-grant", g1,
        "--objection", "DISMISS", "--unfreeze"));
    DrrRun lapsed = drr("grant", "check", g2, "--region", "GD");
    assertEquals(ExitCode.CHECK_FAILED, lapsed.exitCode(), lapsed.toString());
    assertEquals("REVOKED", field(lapsed, "reason"));
    assertEquals("RULED", field(ok(drr("dispute", "show", caseId)), "status"));

    // 9. The history, rebuilt from logs alone, shows every step in order.
    DrrRun history = ok(drr("asset", "history", asset));
    List<String> expected = List.of("AssetRegistered", "GrantIssued", "GrantTermsRecorded",
        "GrantIssued", "ObjectionFiled", "CaseOpened", "EvidenceAdded", "FreezeChanged",
        "FreezeOrdered", "GrantRevoked", "ObjectionClosed", "FreezeChanged", "CaseRuled");
    int from = 0;
    for (String event : expected) {
      int at = history.out().indexOf(" " + event + " ", from);
      assertTrue(at >= 0, "history lacks " + event + " after offset " + from + ":\n" + history);
      from = at + 1;
    }
  }
}
