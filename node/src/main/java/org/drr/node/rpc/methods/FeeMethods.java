package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.rpc.BlockHeaderView;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.RpcBackend;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.json.Hex;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * Fee suggestions: {@code eth_gasPrice} (the pool's minimum, or the next base fee if higher),
 * {@code eth_maxPriorityFeePerGas} (the pool's minimum) and {@code eth_feeHistory} (EIP-1559 fee
 * history with gas-weighted reward percentiles, as geth computes them).
 */
public final class FeeMethods {
  /** geth's cap on blocks per eth_feeHistory. */
  static final int MAX_HISTORY_BLOCKS = 1024;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChainReader chain;
  private final RpcBackend backend;

  public FeeMethods(ChainReader chain) {
    this.chain = chain;
    this.backend = chain.backend();
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put("eth_gasPrice", (p, c) -> gasPrice(p));
    methods.put(
        "eth_maxPriorityFeePerGas",
        (p, c) -> {
          p.requireCount(0, 0);
          return TextNode.valueOf(Hex.quantity(backend.minGasPrice()));
        });
    methods.put("eth_feeHistory", (p, c) -> feeHistory(p));
  }

  private JsonNode gasPrice(RpcParams params) {
    params.requireCount(0, 0);
    BlockHeaderView head = chain.require(new BlockParameter.Latest()).header();
    UInt256 nextBaseFee = backend.nextBaseFee(head);
    UInt256 min = backend.minGasPrice();
    return TextNode.valueOf(Hex.quantity(nextBaseFee.compareTo(min) > 0 ? nextBaseFee : min));
  }

  private JsonNode feeHistory(RpcParams params) {
    params.requireCount(2, 3);
    JsonNode countNode = params.node(0, "blockCount");
    long count =
        countNode.isIntegralNumber()
            ? countNode.longValue()
            : Hex.parseLong("blockCount", RpcParams.textOf("blockCount", countNode));
    if (count < 1 || count > MAX_HISTORY_BLOCKS) {
      throw RpcException.invalidParams(
          "blockCount must be 1.." + MAX_HISTORY_BLOCKS + "; got " + count);
    }
    long newest =
        chain.require(BlockParameter.parse("newestBlock", params.node(1, "newestBlock"))).number();
    double[] percentiles = percentiles(params);
    long oldest = Math.max(0, newest - count + 1);
    ObjectNode result = JSON.objectNode();
    result.put("oldestBlock", Hex.quantity(oldest));
    ArrayNode baseFees = result.putArray("baseFeePerGas");
    ArrayNode ratios = result.putArray("gasUsedRatio");
    ArrayNode rewards = percentiles == null ? null : result.putArray("reward");
    BlockHeaderView last = null;
    for (long n = oldest; n <= newest; n++) {
      final long number = n;
      BlockView block =
          backend
              .blockByNumber(n)
              .orElseThrow(
                  () -> new IllegalStateException("canonical block " + number + " is missing"));
      BlockHeaderView h = block.header();
      baseFees.add(Hex.quantity(h.baseFeePerGas().orElse(UInt256.ZERO)));
      ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
      if (rewards != null) {
        rewards.add(rewards(block, percentiles));
      }
      last = h;
    }
    baseFees.add(Hex.quantity(backend.nextBaseFee(last)));
    return result;
  }

  private static double[] percentiles(RpcParams params) {
    if (!params.has(2)) {
      return null;
    }
    JsonNode list = params.node(2, "rewardPercentiles");
    if (!list.isArray() || list.size() > 100) {
      throw RpcException.invalidParams("rewardPercentiles must be an array of at most 100 numbers");
    }
    double[] values = new double[list.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = list.get(i);
      if (!v.isNumber()
          || v.doubleValue() < 0
          || v.doubleValue() > 100
          || (i > 0 && v.doubleValue() < values[i - 1])) {
        throw RpcException.invalidParams(
            "rewardPercentiles must be ascending numbers in [0, 100]; got " + list);
      }
      values[i] = v.doubleValue();
    }
    return values;
  }

  /** Per percentile, the tip of the transaction at that share of the block's gas. */
  private ArrayNode rewards(BlockView block, double[] percentiles) {
    ArrayNode out = JSON.arrayNode(percentiles.length);
    List<Transaction> txs = block.transactions();
    if (txs.isEmpty()) {
      for (int i = 0; i < percentiles.length; i++) {
        out.add("0x0");
      }
      return out;
    }
    List<Receipt> receipts = chain.receipts(block);
    UInt256 baseFee = block.header().baseFeePerGas().orElse(UInt256.ZERO);
    record Tip(UInt256 tip, long gas) {}
    List<Tip> tips = new ArrayList<>(txs.size());
    long previous = 0;
    for (int i = 0; i < txs.size(); i++) {
      long gas = receipts.get(i).cumulativeGasUsed() - previous;
      previous = receipts.get(i).cumulativeGasUsed();
      UInt256 price = txs.get(i).effectiveGasPrice(baseFee);
      tips.add(new Tip(price.compareTo(baseFee) > 0 ? price.subtract(baseFee) : UInt256.ZERO, gas));
    }
    tips.sort(Comparator.comparing(Tip::tip));
    long total = previous;
    int index = 0;
    long sum = tips.get(0).gas();
    for (double p : percentiles) {
      double threshold = total * p / 100;
      while (sum < threshold && index < tips.size() - 1) {
        index++;
        sum += tips.get(index).gas();
      }
      out.add(Hex.quantity(tips.get(index).tip()));
    }
    return out;
  }
}
