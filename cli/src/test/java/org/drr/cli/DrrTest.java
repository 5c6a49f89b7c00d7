package org.drr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrrTest {
  @Test
  void helpListsGlobalOptionGroupsWithDefaults() {
    DrrRun run = DrrRun.of("--help");
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Node:"), run.out());
    assertTrue(run.out().contains("--rpc-url=URL"), run.out());
    assertTrue(run.out().replaceAll("\\s+", "").contains("(default:http://127.0.0.1:8545)")
        || System.getenv("DRR_RPC_URL") != null, run.out());
    assertTrue(run.out().contains("Signing account:"), run.out());
    assertTrue(run.out().contains("Exit codes:"), run.out());
  }

  @Test
  void versionWorksOnSubcommandsToo() {
    DrrRun run = DrrRun.of("account", "list", "--version");
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("drr "), run.out());
  }

  @Test
  void unknownOptionIsAUsageErrorWithOneHint() {
    DrrRun run = DrrRun.of("account", "list", "--no-such-option");
    assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
    assertEquals(2, run.errLines().size(), run.toString());
    assertTrue(run.errLines().get(0).startsWith("drr: Unknown option: '--no-such-option'"), run.err());
  }

  @Test
  void noCommandIsAUsageError() {
    DrrRun run = DrrRun.of();
    assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("a command is required"), run.err());
  }

  @Test
  void aGlobalOptionGivenTwiceIsAUsageError() {
    DrrRun run = DrrRun.of("--keystore", "/tmp/a", "--keystore", "/tmp/b", "account", "list");
    assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
    assertTrue(run.errLines().get(0).startsWith("drr: a global option is given more than once"), run.err());
  }
}
