package org.drr.cli.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drr.cli.DrrRun;
import org.drr.cli.ExitCode;
import org.drr.cli.account.Keystore;
import org.drr.cli.deployment.Deployment;
import org.drr.cli.deployment.GenesisDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drr dev --setup-only} on a real anvil: the first run deploys and onboards the cast,
 * the second finds the registry again in the persisted chain state.
 */
class DevCommandTest {
  @TempDir Path dir;

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void setsUpOnceAndResumesFromSavedStateOnAnvil() throws Exception {
    String port = Integer.toString(freePort());
    DrrRun first = DrrRun.of("dev", "--chain", "anvil", "--setup-only", "--port", port,
        "--dev-dir", dir.toString());
    assertEquals(ExitCode.OK, first.exitCode(), first.toString());
    assertTrue(first.err().contains("export DRR_HOME=" + dir.toAbsolutePath()), first.err());
    assertTrue(first.err().contains("deploying the registry"), first.err());
    assertEquals(DevSetup.CAST.size(), new Keystore(dir.resolve("keystore")).list().size());
    Deployment deployment = Deployment.read(dir.resolve("deployment.json"));
    assertTrue(Files.size(dir.resolve("anvil-state.json")) > 0);

    DrrRun second = DrrRun.of("dev", "--chain", "anvil", "--setup-only", "--port",
        Integer.toString(freePort()), "--dev-dir", dir.toString());
    assertEquals(ExitCode.OK, second.exitCode(), second.toString());
    assertTrue(second.err().contains("registry found from an earlier run"), second.err());
    assertEquals(deployment, Deployment.read(dir.resolve("deployment.json")));
  }

  @Test
  void ownNodeOnboardsTheCastOnTheGenesisRegistryAndKeepsItAcrossRestarts() throws Exception {
    String port = Integer.toString(freePort());
    DrrRun first = DrrRun.of("dev", "--setup-only", "--port", port, "--dev-dir", dir.toString());
    assertEquals(ExitCode.OK, first.exitCode(), first.toString());
    assertTrue(first.err().contains("starting the dev chain (drr)"), first.err());
    assertEquals(DevSetup.CAST.size(), new Keystore(dir.resolve("keystore")).list().size());
    Deployment deployment = Deployment.read(dir.resolve("deployment.json"));
    assertEquals(GenesisDeployment.DIRECTORY, deployment.directory());
    assertTrue(Files.isDirectory(dir.resolve("node/database")));

    String secondPort = Integer.toString(freePort());
    DrrRun second = DrrRun.of("dev", "--setup-only", "--port", secondPort,
        "--dev-dir", dir.toString());
    assertEquals(ExitCode.OK, second.exitCode(), second.toString());
    assertTrue(second.err().contains("registry found from an earlier run"), second.err());
  }

  @Test
  void anUnknownChainIsAUsageError() {
    DrrRun run = DrrRun.of("dev", "--chain", "geth", "--setup-only", "--dev-dir", dir.toString());
    assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--chain must be drr or anvil, not 'geth'"), run.err());
  }
}
