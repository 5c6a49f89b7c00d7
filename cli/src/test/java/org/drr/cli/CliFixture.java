package org.drr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drr.cli.account.Kdf;
import org.drr.cli.account.Keystore;
import org.drr.contracts.testing.TestNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.AfterAll;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Base of the CLI tests that need a chain: a keystore holding the funded dev accounts under
 * readable names, and a registry deployed and populated through the real {@code drr} commands
 * on the shared {@link TestNode}.
 *
 * <p>Cast (dev account index): deployer (0), gd-authority (1), hk-authority (2),
 * mo-authority (3), gd-co (4), gd-co2 (5), hk-co (6), mo-co (7), court (8, GD), mediator (9, HK).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CliFixture {
  protected static final List<String> NAMES = List.of("deployer", "gd-authority", "hk-authority",
      "mo-authority", "gd-co", "gd-co2", "hk-co", "mo-co", "court", "mediator");

  protected Path home;
  protected TestNode node;

  @BeforeAll
  void setUpRegistry() throws Exception {
    node = TestNode.shared();
    home = Files.createTempDirectory("drr-cli-test");
    Files.writeString(home.resolve("password"), "dev-password\n");
    Keystore keystore = new Keystore(home.resolve("keystore"));
    for (int i = 0; i < NAMES.size(); i++) {
      keystore.create(NAMES.get(i), node.devAccount(i).getEcKeyPair(),
          "dev-password".toCharArray(), Kdf.LIGHT);
    }
    ok(drrAs("deployer", "deploy",
        "--authority", "GD=gd-authority,GD Data Bureau,GD-AUTH-1",
        "--authority", "HK=hk-authority,HK Digital Policy Office,HK-AUTH-1",
        "--authority", "MO=mo-authority,MO DSRT,MO-AUTH-1"));
    onboard("gd-authority", "gd-co", "GD", "ENTERPRISE", "Shenzhen Port Data Co");
    onboard("gd-authority", "gd-co2", "GD", "ENTERPRISE", "Guangzhou Mobility Co");
    onboard("hk-authority", "hk-co", "HK", "ENTERPRISE", "HK Fintech Ltd");
    onboard("mo-authority", "mo-co", "MO", "ENTERPRISE", "Macao Tourism Data");
    onboard("gd-authority", "court", "GD", "COURT", "Shenzhen Intermediate Court");
    onboard("hk-authority", "mediator", "HK", "MEDIATOR", "HK Mediation Centre");
  }

  @AfterAll
  void deleteHome() throws Exception {
    try (var files = Files.walk(home)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private void onboard(String authority, String who, String region, String kind, String name) {
    ok(drrAs(authority, "participant", "register", who, "--region", region, "--kind", kind,
        "--name", name, "--registry-id", "REG-" + who));
  }

  /** The options every test command gets: node, keystore, password file, deployment file. */
  protected List<String> common() {
    return List.of("--rpc-url", node.rpcUrl(),
        "--keystore", home.resolve("keystore").toString(),
        "--password-file", home.resolve("password").toString(),
        "--deployment", home.resolve("deployment.json").toString());
  }

  /**
   * {@link #common()} with {@code option} set to {@code value}. (Each global option may be given
   * once: picocli starts a fresh option group when one repeats.)
   */
  protected List<String> commonWith(String option, String value) {
    List<String> args = new ArrayList<>(common());
    int i = args.indexOf(option);
    args.set(i + 1, value);
    return args;
  }

  /** Runs {@code drr} as account {@code from}. */
  protected DrrRun drrAs(String from, String... args) {
    List<String> all = new ArrayList<>(common());
    all.add("--from");
    all.add(from);
    all.addAll(List.of(args));
    return DrrRun.of(all.toArray(String[]::new));
  }

  /** Runs {@code drr} without a signing account. */
  protected DrrRun drr(String... args) {
    return DrrRun.of(common(), args);
  }

  /** Writes {@code content} to {@code name} in the test's home folder and returns its path. */
  protected Path file(String name, String content) throws Exception {
    Path path = home.resolve(name);
    Files.writeString(path, content);
    return path;
  }

  /** Asserts exit 0 and returns the run. */
  protected static DrrRun ok(DrrRun run) {
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    return run;
  }

  /** The dev account's nonce in the latest block. */
  protected BigInteger nonceOf(String name) throws Exception {
    return node.web3j().ethGetTransactionCount(node.devAccount(NAMES.indexOf(name)).getAddress(),
        DefaultBlockParameterName.PENDING).send().getTransactionCount();
  }

  /**
   * Asserts that {@code run} failed with {@code exitCode}, printed exactly one line on stderr
   * starting with {@code drr: } + {@code expectedStart}, and that {@code from}'s nonce did not
   * move (nothing was sent).
   */
  protected void assertRefused(DrrRun run, int exitCode, String expectedStart, String from,
      BigInteger nonceBefore) throws Exception {
    assertEquals(exitCode, run.exitCode(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());
    org.junit.jupiter.api.Assertions.assertTrue(
        run.errLines().get(0).startsWith("drr: " + expectedStart), run.toString());
    assertEquals(nonceBefore, nonceOf(from), "a transaction was sent: " + run);
  }

  /** The value after "key:" in a human record. */
  protected static String field(DrrRun run, String key) {
    return run.out().lines().filter(l -> l.startsWith(key + ":"))
        .map(l -> l.substring(key.length() + 1).strip()).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + key + "' in\n" + run));
  }
}
