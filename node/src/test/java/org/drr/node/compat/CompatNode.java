package org.drr.node.compat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.drr.contracts.DevAccounts;
import org.drr.node.app.DrrNode;
import org.drr.node.app.NodeConfig;
import org.drr.node.chain.TestChains;
import org.drr.node.consensus.qbft.QbftExtraData;
import org.drr.node.consensus.qbft.QbftExtraDataCodec;
import org.drr.node.rpc.transport.RpcServerConfig;

/**
 * A real {@link DrrNode} for the compatibility tests: a Cancun, zero-base-fee dev genesis with
 * chain id {@value #CHAIN_ID} (anvil's default, so the same signed transactions are valid on
 * both), a 1-second block period, the ten dev accounts funded, sender permissioning off (the
 * genesis names no registry; the registry is deployed by transactions, as on anvil), JSON-RPC over
 * HTTP on a free loopback port and a data directory under {@code dir}.
 */
final class CompatNode implements AutoCloseable {
  static final long CHAIN_ID = 31337;
  /** 10,000 ether per dev account, as anvil funds them. */
  static final String DEV_BALANCE = "10000000000000000000000";

  private final DrrNode node;
  private final Path dataPath;

  private CompatNode(DrrNode node, Path dataPath) {
    this.node = node;
    this.dataPath = dataPath;
  }

  /** Writes genesis and validator key under {@code dir} and starts the node on them. */
  static CompatNode start(Path dir) throws IOException {
    writeGenesisAndKey(dir);
    Path genesis = dir.resolve("genesis.json");
    Path key = dir.resolve("key");
    Path data = dir.resolve("data");
    NodeConfig config = new NodeConfig(data, genesis, key, true, "127.0.0.1", 0,
        List.of("localhost", "127.0.0.1"), List.of(), false, 0, BigInteger.ZERO, false,
        "127.0.0.1", 0, false, false, null, 20_000, RpcServerConfig.DEFAULT_MAX_HTTP_CONNECTIONS);
    return new CompatNode(DrrNode.start(config), data);
  }

  /** Writes {@code genesis.json} and the validator's {@code key} into {@code dir}. */
  static void writeGenesisAndKey(Path dir) throws IOException {
    Files.writeString(dir.resolve("genesis.json"), genesisJson());
    Files.writeString(dir.resolve("key"), TestChains.VALIDATOR.privateKey().secret().toHexString());
  }

  static String genesisJson() {
    String extra = QbftExtraDataCodec.encode(
        QbftExtraData.genesis(List.of(TestChains.VALIDATOR.address()))).toHexString();
    String alloc = DevAccounts.accounts(DevAccounts.FUNDED_COUNT).stream()
        .map(c -> "\"" + c.getAddress() + "\": {\"balance\": \"" + DEV_BALANCE + "\"}")
        .collect(Collectors.joining(",\n    "));
    return """
        {
          "config": {
            "chainId": %d, "berlinBlock": 0, "londonBlock": 0,
            "shanghaiTime": 0, "cancunTime": 0, "zeroBaseFee": true,
            "qbft": {"blockperiodseconds": 1, "epochlength": 30000, "requesttimeoutseconds": 4}
          },
          "nonce": "0x0", "timestamp": "0x58ee40ba", "gasLimit": "0x3b9aca00",
          "difficulty": "0x1", "baseFeePerGas": "0x0",
          "mixHash": "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365",
          "coinbase": "0x0000000000000000000000000000000000000000",
          "extraData": "%s",
          "alloc": {
            %s
          }
        }
        """.formatted(CHAIN_ID, extra, alloc);
  }

  DrrNode node() {
    return node;
  }

  Path dataPath() {
    return dataPath;
  }

  int rpcPort() {
    return node.rpcHttpPort();
  }

  String rpcUrl() {
    return "http://127.0.0.1:" + rpcPort();
  }

  @Override
  public void close() {
    node.close();
  }
}
