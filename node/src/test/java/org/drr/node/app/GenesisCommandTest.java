package org.drr.node.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.chain.GenesisBuilder;
import org.drr.node.chain.GenesisConfig;
import org.drr.node.consensus.qbft.QbftExtraDataCodec;
import org.drr.node.types.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.drr.node.rpc.transport.RpcServerConfig;

class GenesisCommandTest {
  @TempDir Path dir;

  /** A planner deploying two small contracts in the registry's place (the CLI plugs in the real one). */
  private static final RegistryPlanner PLANNER = authorities -> {
    Bytes store42 = Bytes.fromHexString("0x602a600055600b6011600039600b6000f360005460005260206000f3");
    Address second = Address.contractAddress(GenesisBuilder.DEPLOYER, 1);
    return new RegistryPlanner.Plan(List.of(
        new GenesisBuilder.Step("directory", Optional.empty(), store42, Optional.of(GenesisBuilder.DIRECTORY)),
        new GenesisBuilder.Step("participants", Optional.empty(), store42, Optional.of(second))),
        GenesisBuilder.DIRECTORY, second);
  };

  @Test
  void writesGenesisAndKeysThatANodeStartsFrom() throws Exception {
    Path out = dir.resolve("three-region.json");
    int code = new CommandLine(new GenesisCommand(PLANNER)).execute("--output", out.toString(), "--validators", "3", "--chain-id", "4242");
    assertEquals(0, code);
    GenesisConfig g = GenesisConfig.load(out);
    assertEquals(4242, g.chainId());
    assertEquals(3, QbftExtraDataCodec.decode(g.extraData()).validators().size());
    assertEquals(GenesisBuilder.DIRECTORY.toHexString(), g.extensions().get("directory"));
    Path keys = dir.resolve("three-region.json.keys");
    assertTrue(Files.exists(keys.resolve("validator-2.key")));
    assertTrue(Files.exists(keys.resolve("authority-hk.key")));
    // a node with validator 0's key starts from it (it is not the single validator of three, so it idles)
    NodeConfig config = new NodeConfig(dir.resolve("data"), out, keys.resolve("validator-0.key"), false, "127.0.0.1", 0,
        List.of(), List.of(), false, 0, java.math.BigInteger.ZERO, false, "127.0.0.1", 0, false, true, null, 10, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    try (DrrNode node = DrrNode.start(config)) {
      assertEquals(0, node.ledger().chain().head().number());
      assertTrue(QbftExtraDataCodec.decode(g.extraData()).validators().contains(node.validator()));
    }
  }
}
