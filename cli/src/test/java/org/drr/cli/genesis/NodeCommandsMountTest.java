package org.drr.cli.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drr.cli.DrrRun;
import org.drr.cli.ExitCode;
import org.drr.node.chain.GenesisBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drr node and drr genesis are the node module's commands, mounted without client options. */
class NodeCommandsMountTest {
  @Test
  void nodeHelpShowsNodeOptionsOnly() {
    DrrRun run = DrrRun.of("node", "--help");
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertTrue(run.out().contains("--genesis-file"), run.out());
    assertTrue(run.out().contains("--rpc-http-port"), run.out());
    assertFalse(run.out().contains("--rpc-url"), run.out());
    assertFalse(run.out().contains("--keystore"), run.out());
  }

  @Test
  void nodeWithAMissingGenesisIsAUsageErrorNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-genesis.json");
    DrrRun run = DrrRun.of("node", "--genesis-file", missing.toString(),
        "--data-path", dir.resolve("data").toString());
    assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("drr node: ") && run.err().contains(missing.toString()),
        run.err());
  }

  @Test
  void genesisPreDeploysTheRegistryAtTheFixedDirectory(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("g.json");
    DrrRun run = DrrRun.of("genesis", "--output", out.toString(), "--chain-id", "4242");
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    JsonNode genesis = new ObjectMapper().readTree(out.toFile());
    assertEquals(4242, genesis.path("config").path("chainId").asLong());
    String directory = GenesisBuilder.DIRECTORY.toHexString().toLowerCase();
    boolean hasCode = false;
    for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) genesis.path("alloc")::fields) {
      String key = entry.getKey().toLowerCase();
      if ((key.startsWith("0x") ? key : "0x" + key).equals(directory)) {
        hasCode = entry.getValue().path("code").asText().length() > 2;
      }
    }
    assertTrue(hasCode, "no code at " + directory + " in " + out);
    for (String key : new String[] {"validator-0", "authority-gd", "authority-hk", "authority-mo"}) {
      assertTrue(Files.exists(dir.resolve("g.json.keys").resolve(key + ".key")), key);
    }
  }
}
