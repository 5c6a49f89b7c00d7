package org.drr.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.drr.cli.CliFixture;
import org.drr.cli.DrrRun;
import org.drr.cli.ExitCode;
import org.junit.jupiter.api.Test;

class ParticipantCommandTest extends CliFixture {
  @Test
  void listShowsTheOnboardedCast() {
    DrrRun list = ok(drr("participant", "list", "--region", "GD"));
    assertTrue(list.out().contains("Shenzhen Port Data Co"), list.out());
    assertTrue(list.out().contains("COURT"), list.out());
    assertTrue(!list.out().contains("HK Fintech"), list.out());
    DrrRun show = ok(drr("participant", "show", "hk-co"));
    assertEquals("HK", field(show, "region"));
    assertEquals("ACTIVE", field(show, "status"));
  }

  @Test
  void suspendAndReinstateByTheRegionsAuthorityOnly() throws Exception {
    BigInteger before = nonceOf("hk-authority");
    assertRefused(drrAs("hk-authority", "participant", "suspend", "gd-co2"), ExitCode.REJECTED,
        "NotAuthorityOfRegion(who=", "hk-authority", before);
    ok(drrAs("gd-authority", "participant", "suspend", "gd-co2"));
    assertEquals("SUSPENDED", field(ok(drr("participant", "show", "gd-co2")), "status"));
    ok(drrAs("gd-authority", "participant", "reinstate", "gd-co2"));
    assertEquals("ACTIVE", field(ok(drr("participant", "show", "gd-co2")), "status"));
  }

  @Test
  void malformedAndUnknownAccountsAreBadInputBeforeAnythingIsSent() throws Exception {
    BigInteger before = nonceOf("gd-authority");
    assertRefused(drrAs("gd-authority", "participant", "register", "0x1234", "--region", "GD",
            "--kind", "ENTERPRISE", "--name", "X", "--registry-id", "Y"),
        ExitCode.BAD_INPUT, "malformed address for ACCOUNT: '0x1234'", "gd-authority", before);
    assertRefused(drrAs("gd-authority", "participant", "register", "nobody", "--region", "GD",
            "--kind", "ENTERPRISE", "--name", "X", "--registry-id", "Y"),
        ExitCode.BAD_INPUT, "unknown account for ACCOUNT: 'nobody'", "gd-authority", before);
    assertRefused(drrAs("gd-authority", "participant", "register", "gd-co", "--region", "TW",
            "--kind", "ENTERPRISE", "--name", "X", "--registry-id", "Y"),
        ExitCode.BAD_INPUT, "unknown region 'TW' (one of GD, HK, MO)", "gd-authority", before);
    DrrRun unknown = drr("participant", "show", "0x000000000000000000000000000000000000dEaD");
    assertEquals(ExitCode.BAD_INPUT, unknown.exitCode(), unknown.toString());
    assertEquals("drr: UnknownParticipant(account=0x000000000000000000000000000000000000dEaD)",
        unknown.errLines().get(0));
  }

  @Test
  void wrongPasswordIsAnAuthFailureAndSendsNothing() throws Exception {
    java.nio.file.Path wrong = home.resolve("wrong-password");
    java.nio.file.Files.writeString(wrong, "not-it\n");
    BigInteger before = nonceOf("gd-authority");
    DrrRun run = DrrRun.of(commonWith("--password-file", wrong.toString()), "--from",
        "gd-authority", "participant", "suspend", "gd-co2");
    assertRefused(run, ExitCode.AUTH, "wrong password for account 'gd-authority'",
        "gd-authority", before);
  }

  @Test
  void unreachableNodeIsExitSix() {
    DrrRun run = DrrRun.of(commonWith("--rpc-url", "http://127.0.0.1:1"), "participant", "list");
    assertEquals(ExitCode.NODE, run.exitCode(), run.toString());
    assertTrue(run.errLines().get(0).startsWith("drr: cannot reach node at http://127.0.0.1:1"),
        run.toString());
  }

  @Test
  void deployRefusesToOverwriteADeploymentFile() throws Exception {
    BigInteger before = nonceOf("deployer");
    assertRefused(drrAs("deployer", "deploy", "--authority", "GD=gd-authority"),
        ExitCode.BAD_INPUT, "deployment file " + home.resolve("deployment.json") + " exists",
        "deployer", before);
    assertRefused(drrAs("deployer", "deploy", "--authority", "TW=gd-authority"),
        ExitCode.BAD_INPUT, "unknown region 'TW'", "deployer", before);
  }
}
