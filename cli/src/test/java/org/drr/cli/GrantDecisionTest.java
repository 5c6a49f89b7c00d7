package org.drr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The commands that decide on one grant (approve, reject, revoke) and change a negative list
 * (add, remove), through the real CLI: each records its decision on the chain.
 */
class GrantDecisionTest extends CliFixture {
  private static final String UNTIL = "2035-01-01T00:00:00Z";

  /** A USE grant of {@code asset} to hk-co, usable in HK: cross-border, so it may need approval. */
  private String grantToHongKong(String asset) throws Exception {
    DrrRun issued = ok(drrAs("gd-co", "grant", "issue", asset, "--grantee", "hk-co",
        "--right", "USE", "--regions", "HK", "--valid-until", UNTIL,
        "--terms", file("terms.txt", "USE terms").toString()));
    assertEquals("PENDING_APPROVAL", field(issued, "status"));
    return field(issued, "grantId");
  }

  @Test
  void anAuthorityApprovesOrRejectsAPendingCrossBorderGrantAndTheHolderRevokes() throws Exception {
    String asset = field(ok(drrAs("gd-co", "asset", "register",
        "--file", file("meters.csv", "meter,kwh\nM1,3\n").toString(), "--title", "Meter reads",
        "--scenario", "tariff research", "--category", "ENTERPRISE",
        "--classification", "IMPORTANT", "--sector", "energy")), "assetId");

    String approved = grantToHongKong(asset);
    ok(drrAs("gd-authority", "grant", "approve", approved,
        "--document", file("approval.pdf", "assessment passed").toString()));
    assertEquals("ACTIVE", field(ok(drr("grant", "show", approved)), "status"));
    assertEquals(node.devAccount(1).getAddress().toLowerCase(),
        field(ok(drr("grant", "show", approved)), "approver").toLowerCase());

    String rejected = grantToHongKong(asset);
    ok(drrAs("gd-authority", "grant", "reject", rejected,
        "--document", file("refusal.pdf", "assessment failed").toString()));
    assertEquals("REJECTED", field(ok(drr("grant", "show", rejected)), "status"));

    ok(drrAs("gd-co", "grant", "revoke", approved));
    assertEquals("REVOKED", field(ok(drr("grant", "show", approved)), "status"));
  }

  @Test
  void aSectorGoesOnAndOffANegativeList() {
    ok(drrAs("gd-authority", "policy", "negative-list", "add", "--region", "GD",
        "--sector", "aviation"));
    assertTrue(ok(drr("policy", "show", "--region", "GD")).out().contains("aviation"));
    ok(drrAs("gd-authority", "policy", "negative-list", "remove", "--region", "GD",
        "--sector", "aviation"));
    assertFalse(ok(drr("policy", "show", "--region", "GD")).out().contains("aviation"));
  }
}
