package org.drr.cli.registry;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.chain.AbiCatalog.DecodedEvent;
import org.drr.cli.chain.NodeConnection;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * An asset's full history, rebuilt only from event logs, so it can be checked on any standard
 * node: every asset-scoped event of the registry has the asset id as its first indexed topic.
 */
public final class AssetHistory {
  private static final List<String> ASSET_MODULES =
      List.of("assets", "rights", "transfers", "disputes");

  private final Registry registry;

  public AssetHistory(Registry registry) {
    this.registry = registry;
  }

  /**
   * The events about {@code assetId} in chain order, as rows with block, time, tx, event,
   * details (for people) and args (for JSON).
   */
  public List<Map<String, ?>> of(BigInteger assetId) {
    NodeConnection node = registry.node();
    List<String> addresses = new ArrayList<>();
    for (String module : ASSET_MODULES) {
      addresses.add(registry.deployment().contract(module));
    }
    EthFilter filter = new EthFilter(
        DefaultBlockParameter.valueOf(BigInteger.valueOf(registry.deployment().deployedAtBlock())),
        DefaultBlockParameterName.LATEST, addresses);
    filter.addNullTopic();
    filter.addSingleTopic("0x" + TypeEncoder.encode(new Uint256(assetId)));
    EthLog logs = node.call(node.web3j().ethGetLogs(filter), "eth_getLogs");
    Map<BigInteger, String> times = new HashMap<>();
    List<Map<String, ?>> rows = new ArrayList<>();
    for (EthLog.LogResult<?> result : logs.getLogs()) {
      Log log = (Log) result.get();
      DecodedEvent event = registry.abi().decode(log).orElse(null);
      if (event == null) {
        continue;
      }
      Map<String, Object> args = new LinkedHashMap<>(event.args());
      args.remove("assetId");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("block", log.getBlockNumber());
      row.put("time", times.computeIfAbsent(log.getBlockNumber(), this::blockTime));
      row.put("tx", log.getTransactionHash());
      row.put("logIndex", log.getLogIndex());
      row.put("event", event.name());
      List<String> details = new ArrayList<>();
      args.forEach((k, v) -> details.add(k + "=" + v));
      row.put("details", String.join(" ", details));
      row.put("args", args);
      rows.add(row);
    }
    return rows;
  }

  private String blockTime(BigInteger number) {
    NodeConnection node = registry.node();
    BigInteger seconds = node.call(
        node.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false),
        "eth_getBlockByNumber").getBlock().getTimestamp();
    return Instant.ofEpochSecond(seconds.longValueExact()).toString();
  }
}
