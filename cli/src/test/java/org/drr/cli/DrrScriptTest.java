package org.drr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./drr} launcher as a separate process (JDK selection, argument passing,
 * stdin, exit codes), on the classes this build compiled.
 */
class DrrScriptTest {
  @TempDir Path dir;

  /** The project root: surefire's {@code drr.root}, else up from the working directory. */
  static Path projectRoot() {
    String configured = System.getProperty("drr.root");
    Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("drr")) && Files.isDirectory(p.resolve("cli"))) {
        return p;
      }
    }
    throw new IllegalStateException("no project root with ./drr above " + start);
  }

  /** Runs {@code ./drr args} with {@code stdin}; returns exit code, stdout, stderr. */
  static DrrRun runScript(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(projectRoot().resolve("drr").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("DRR_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().remove("DRR_HOME");
    Path out = Files.createTempFile("drr-out", ".txt");
    Path err = Files.createTempFile("drr-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = pb.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./drr " + args[0] + " did not finish in 120s");
    }
    DrrRun run = new DrrRun(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  @Test
  void launcherRunsDrrWithExitCodes() throws Exception {
    DrrRun version = runScript("", "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().startsWith("drr 0."), version.out());

    DrrRun usage = runScript("", "asset-nonsense");
    assertEquals(ExitCode.USAGE, usage.exitCode(), usage.toString());
  }

  @Test
  void importReadsTheKeyFromStdinAndKeepsItOffStdout() throws Exception {
    String key = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    Path password = dir.resolve("pw");
    Files.writeString(password, "pw\n");
    DrrRun run = runScript(key + "\n", "--keystore", dir.resolve("ks").toString(),
        "--password-file", password.toString(), "--json",
        "account", "import", "bob", "--kdf", "LIGHT", "--private-key-file", "-");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), run.out());
    assertTrue(!run.out().contains(key) && !run.err().contains(key), run.toString());
  }
}
