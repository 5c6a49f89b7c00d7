package org.drr.cli.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drr.cli.DrrRun;
import org.drr.cli.ExitCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** {@code drr account new|import|list} against a temporary keystore. */
class AccountCommandTest {
  /** A well-known test key (anvil's first dev account); never a real one. */
  static final String KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

  @TempDir Path dir;
  List<String> common;

  @BeforeEach
  void setUp() throws Exception {
    Path password = dir.resolve("password");
    Files.writeString(password, "correct horse\n");
    common = List.of("--keystore", dir.resolve("ks").toString(),
        "--password-file", password.toString());
  }

  @Test
  void importedKeyRoundTripsThroughTheKeystoreAndIsNeverPrinted() throws Exception {
    Path keyFile = dir.resolve("key");
    Files.writeString(keyFile, "0x" + KEY + "\n");
    DrrRun run = DrrRun.of(common, "account", "import", "alice", "--kdf", "LIGHT",
        "--private-key-file", keyFile.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.out().contains(ADDRESS), run.out());
    assertFalse(run.out().contains(KEY) || run.err().contains(KEY), "key leaked: " + run);

    Keystore keystore = new Keystore(dir.resolve("ks"));
    Keystore.Entry entry = keystore.find("alice");
    assertEquals(ADDRESS, entry.address());
    Credentials unlocked = keystore.unlock(entry, "correct horse".toCharArray());
    assertEquals(ADDRESS.toLowerCase(), unlocked.getAddress());
    assertFalse(Files.readString(entry.file()).contains(KEY), "keystore holds the plain key");
  }

  @Test
  void newAccountIsListedAndFoundByAddress() throws Exception {
    DrrRun created = DrrRun.of(common, "--json", "account", "new", "bob", "--kdf", "LIGHT");
    assertEquals(ExitCode.OK, created.exitCode(), created.toString());
    JsonNode json = new ObjectMapper().readTree(created.out());
    String address = json.get("address").asText();

    DrrRun list = DrrRun.of(common, "account", "list");
    assertEquals(ExitCode.OK, list.exitCode(), list.toString());
    assertTrue(list.out().startsWith("NAME"), list.out());
    assertTrue(list.out().contains("bob") && list.out().contains(address), list.out());
    assertEquals("bob", new Keystore(dir.resolve("ks")).find(address.toLowerCase()).name());
  }

  @Test
  void wrongPasswordIsAnAuthFailure() throws Exception {
    DrrRun.of(common, "account", "new", "carol", "--kdf", "LIGHT");
    Keystore keystore = new Keystore(dir.resolve("ks"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.drr.cli.DrrException.class,
        () -> keystore.unlock(keystore.find("carol"), "wrong".toCharArray()));
    assertEquals(ExitCode.AUTH, e.exitCode());
    assertTrue(e.getMessage().startsWith("wrong password for account 'carol'"), e.getMessage());
  }

  @Test
  void malformedKeyIsBadInputAndNotEchoed() throws Exception {
    Path keyFile = dir.resolve("key");
    Files.writeString(keyFile, KEY.substring(0, 63) + "g");
    DrrRun run = DrrRun.of(common, "account", "import", "dave", "--private-key-file",
        keyFile.toString());
    assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());
    assertFalse(run.err().contains(KEY.substring(0, 20)), run.err());
    assertFalse(Files.exists(dir.resolve("ks").resolve("dave.json")));
  }

  @Test
  void missingKeyFileIsBadInput() {
    DrrRun run = DrrRun.of(common, "account", "import", "erin", "--private-key-file",
        dir.resolve("nope").toString());
    assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(List.of("drr: private key file not found: " + dir.resolve("nope")),
        run.errLines());
  }

  @Test
  void duplicateNameAndInvalidNameAreRefused() {
    assertEquals(ExitCode.OK, DrrRun.of(common, "account", "new", "frank", "--kdf", "LIGHT")
        .exitCode());
    DrrRun again = DrrRun.of(common, "account", "new", "frank", "--kdf", "LIGHT");
    assertEquals(ExitCode.BAD_INPUT, again.exitCode(), again.toString());
    assertTrue(again.err().contains("account 'frank' already exists"), again.err());

    DrrRun invalid = DrrRun.of(common, "account", "new", "Frank/..", "--kdf", "LIGHT");
    assertEquals(ExitCode.BAD_INPUT, invalid.exitCode(), invalid.toString());
    assertTrue(invalid.err().startsWith("drr: invalid account name 'Frank/..'"), invalid.err());
  }

  @Test
  void unknownAccountIsAnAuthFailure() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.drr.cli.DrrException.class,
        () -> new Keystore(dir.resolve("ks")).find("nobody"));
    assertEquals(ExitCode.AUTH, e.exitCode());
  }
}
