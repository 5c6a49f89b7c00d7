package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeCommandTest {
  @TempDir Path dir;

  private static NodeConfig parse(String... args) {
    CommandLine cl = NodeCommand.commandLine(args);
    cl.parseArgs(args);
    return ((NodeCommand) cl.getCommand()).toConfig();
  }

  @Test
  void besuStyleOptionsAndDefaults() {
    NodeConfig c = parse("--genesis-file", "g.json", "--rpc-http-port", "9000", "--min-gas-price", "5");
    assertEquals(Path.of("g.json"), c.genesisFile());
    assertEquals(9000, c.rpcHttpPort());
    assertEquals(8546, c.rpcWsPort());
    assertEquals("127.0.0.1", c.rpcHttpHost());
    assertEquals(BigInteger.valueOf(5), c.minGasPrice());
    assertEquals(Path.of("./drr-data"), c.dataPath());
    assertEquals(false, c.emptyBlocks());
    assertEquals(80, c.rpcHttpMaxActiveConnections(), "Besu's default");
    assertEquals(5, parse("--genesis-file", "g.json", "--rpc-http-max-active-connections", "5")
        .rpcHttpMaxActiveConnections());
    var e = assertThrows(IllegalArgumentException.class,
        () -> parse("--genesis-file", "g.json", "--rpc-http-max-active-connections", "0"));
    assertTrue(e.getMessage().contains("must be at least 1; got 0"), e.getMessage());
  }

  @Test
  void tomlConfigFileSuppliesDefaultsAndCommandLineWins() throws Exception {
    Path toml = dir.resolve("node.toml");
    Files.writeString(toml, """
        data-path="/var/drr"
        genesis-file="/etc/drr/genesis.json"
        rpc-http-port=8600
        metrics-enabled=true
        empty-blocks-enabled=true
        """);
    NodeConfig c = parse("--config-file", toml.toString(), "--rpc-http-port", "8700");
    assertEquals(Path.of("/var/drr"), c.dataPath());
    assertEquals(Path.of("/etc/drr/genesis.json"), c.genesisFile());
    assertEquals(8700, c.rpcHttpPort());
    assertTrue(c.metricsEnabled());
    assertTrue(c.emptyBlocks());
  }

  @Test
  void unknownTomlKeyAndMissingGenesisAreClearErrors() throws Exception {
    Path toml = dir.resolve("bad.toml");
    Files.writeString(toml, "rpc-htp-port=1\n");
    var e = assertThrows(IllegalArgumentException.class, () -> NodeCommand.commandLine("--config-file", toml.toString()));
    assertTrue(e.getMessage().contains("rpc-htp-port"), e.getMessage());
    StringWriter err = new StringWriter();
    CommandLine cl = NodeCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute());
    assertTrue(err.toString().contains("--genesis-file is required"), err.toString());
  }

  @Test
  void mountedAsSubcommandStillReadsTheConfigFile() throws Exception {
    Path toml = dir.resolve("node.toml");
    Files.writeString(toml, "genesis-file=\"" + dir.resolve("missing.json") + "\"\n");
    @CommandLine.Command(name = "drr") class Root {}
    StringWriter err = new StringWriter();
    CommandLine root = new CommandLine(new Root()).addSubcommand(new NodeCommand());
    root.setErr(new PrintWriter(err));
    root.getSubcommands().get("node").setErr(new PrintWriter(err));
    int code = root.execute("node", "--config-file", toml.toString(), "--data-path", dir.resolve("d").toString());
    // the genesis path came from the TOML file: the node tried to read it
    assertTrue(code != 0, err.toString());
    assertTrue(err.toString().contains("missing.json"), err.toString());
  }

  @Test
  void helpShowsGroupsAndDefaults() {
    String usage = NodeCommand.commandLine().getUsageMessage();
    assertTrue(usage.contains("JSON-RPC HTTP"), usage);
    assertTrue(usage.contains("--rpc-http-port=<PORT>"), usage);
    assertTrue(usage.contains("default: 8545"), usage);
  }
}
