package org.drr.cli;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's "done when" list of bad input: each case gives one clear line, its exit code, and
 * sends nothing (the signer's nonce does not move).
 */
class BadInputTest extends CliFixture {
  private static final String UNTIL = "2035-01-01T00:00:00Z";
  private String asset;
  private Path terms;

  @BeforeAll
  void registerAnAsset() throws Exception {
    Path data = home.resolve("data.csv");
    Files.writeString(data, "a,b\n1,2\n");
    terms = home.resolve("terms.txt");
    Files.writeString(terms, "terms");
    asset = field(ok(drrAs("gd-co", "asset", "register", "--file", data.toString(),
        "--title", "T", "--scenario", "S", "--category", "ENTERPRISE",
        "--classification", "GENERAL", "--sector", "transport")), "assetId");
  }

  @Test
  void malformedAddress() throws Exception {
    BigInteger before = nonceOf("gd-co");
    assertRefused(drrAs("gd-co", "transfer", "request", asset, "--to", "0xabc"),
        ExitCode.BAD_INPUT, "malformed address for --to: '0xabc'", "gd-co", before);
  }

  @Test
  void unknownAsset() throws Exception {
    BigInteger before = nonceOf("gd-co");
    assertRefused(drrAs("gd-co", "transfer", "request", "999", "--to", "hk-co"),
        ExitCode.BAD_INPUT, "UnknownAsset(assetId=999)", "gd-co", before);
    assertRefused(drr("asset", "show", "999"), ExitCode.BAD_INPUT,
        "UnknownAsset(assetId=999)", "gd-co", before);
    assertRefused(drr("asset", "show", "one"), ExitCode.BAD_INPUT,
        "malformed ASSET: 'one' (expected a non-negative whole number)", "gd-co", before);
  }

  @Test
  void missingFile() throws Exception {
    BigInteger before = nonceOf("gd-co");
    Path missing = home.resolve("no-such.csv");
    assertRefused(drrAs("gd-co", "asset", "register", "--file", missing.toString(),
            "--title", "T", "--scenario", "S", "--category", "ENTERPRISE",
            "--classification", "GENERAL", "--sector", "transport"),
        ExitCode.BAD_INPUT, "file not found for --file: " + missing, "gd-co", before);
    assertRefused(drrAs("gd-co", "asset", "cancel", asset, "--reason", missing.toString()),
        ExitCode.BAD_INPUT, "for --reason: '" + missing
            + "' is neither a 0x… 32-byte hash nor an existing file", "gd-co", before);
  }

  @Test
  void unknownSignerAndWrongPassword() throws Exception {
    BigInteger before = nonceOf("gd-co");
    assertRefused(drrAs("nobody", "asset", "cancel", asset), ExitCode.AUTH,
        "unknown account 'nobody' in keystore", "gd-co", before);
    Path wrong = home.resolve("wrong");
    Files.writeString(wrong, "guess\n");
    assertRefused(DrrRun.of(commonWith("--password-file", wrong.toString()), "--from", "gd-co",
            "asset", "cancel", asset),
        ExitCode.AUTH, "wrong password for account 'gd-co'", "gd-co", before);
  }

  @Test
  void missingRight() throws Exception {
    // hk-co holds no right on the asset: it can neither sub-license nor derive a product.
    String grant = field(ok(drrAs("gd-co", "grant", "issue", asset, "--grantee", "gd-co2",
        "--right", "USE", "--regions", "GD", "--valid-until", UNTIL,
        "--terms", terms.toString())), "grantId");
    BigInteger before = nonceOf("hk-co");
    assertRefused(drrAs("hk-co", "grant", "sublicense", grant, "--grantee", "mo-co",
            "--terms", terms.toString()),
        ExitCode.REJECTED, "NotGrantee(grantId=" + grant + ", caller=", "hk-co", before);
    assertRefused(drrAs("hk-co", "asset", "register", "--content-hash", "0x" + "11".repeat(32),
            "--title", "Derived", "--scenario", "S", "--category", "ENTERPRISE",
            "--classification", "GENERAL", "--sector", "transport", "--parent", asset),
        ExitCode.REJECTED, "NoRightOnParent(parentAssetId=" + asset + ", registrant=", "hk-co",
        before);
    assertRefused(drrAs("hk-co", "grant", "revoke", grant), ExitCode.REJECTED,
        "NotRevoker(grantId=" + grant, "hk-co", before);
  }

  @Test
  void coreDataNeverLeavesItsRegion() throws Exception {
    String core = field(ok(drrAs("gd-co2", "asset", "register", "--content-hash",
        "0x" + "c0".repeat(32), "--title", "Core", "--scenario", "S", "--category", "PUBLIC",
        "--classification", "CORE", "--sector", "energy")), "assetId");
    BigInteger before = nonceOf("gd-co2");
    assertRefused(drrAs("gd-co2", "transfer", "request", core, "--to", "hk-co"),
        ExitCode.REJECTED, "CrossBorderForbidden(assetId=" + core
            + ", fromRegion=GD, toRegion=HK, reason=CORE)", "gd-co2", before);
  }
}
