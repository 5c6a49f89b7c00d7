package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.CallOutcome;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcLimits;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.TransactionLocation;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.rpc.tracing.CallTracer;
import org.drr.node.rpc.tracing.StructLogTracer;

/**
 * {@code debug_traceTransaction}: replays a mined transaction with geth's struct logger (the
 * default; options {@code disableStack}, {@code enableMemory}, {@code disableStorage}, {@code
 * limit}) or with {@code {"tracer": "callTracer"}}.
 */
public final class DebugMethods {
  private final ChainReader chain;
  private final RpcLimits limits;

  public DebugMethods(ChainReader chain, RpcLimits limits) {
    this.chain = chain;
    this.limits = limits;
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put("debug_traceTransaction", (p, c) -> traceTransaction(p));
  }

  private JsonNode traceTransaction(RpcParams params) {
    params.requireCount(1, 2);
    Bytes32 hash = params.hash(0, "transactionHash");
    JsonNode options = params.has(1) ? params.object(1, "options") : null;
    requireMined(hash);
    String tracerName = text(options, "tracer");
    if (tracerName == null) {
      StructLogTracer tracer =
          new StructLogTracer(
              new StructLogTracer.Options(
                  flag(options, "disableStack"),
                  flag(options, "enableMemory"),
                  flag(options, "disableStorage"),
                  options != null && options.has("limit") ? options.get("limit").asInt() : 0),
              limits.maxTraceSteps());
      CallOutcome outcome = replay(hash, tracer);
      return tracer.result(outcome.gasUsed(), !outcome.success(), outcome.output().toArrayUnsafe());
    }
    if (!"callTracer".equals(tracerName)) {
      throw RpcException.invalidParams(
          "unsupported tracer \""
              + tracerName
              + "\"; supported: the default struct logger and"
              + " callTracer");
    }
    CallTracer tracer = new CallTracer();
    CallOutcome outcome = replay(hash, tracer);
    return tracer.result(outcome.gasUsed());
  }

  private void requireMined(Bytes32 hash) {
    TransactionLocation location =
        chain
            .backend()
            .transactionLocation(hash)
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcException.SERVER_ERROR,
                        "transaction " + hash.toHexString() + " not found"));
    chain.require(new BlockParameter.Hash(location.blockHash()));
  }

  private CallOutcome replay(Bytes32 hash, org.drr.node.evm.EvmTracer tracer) {
    return chain
        .backend()
        .replayTransaction(hash, tracer)
        .orElseThrow(
            () ->
                new RpcException(
                    RpcException.SERVER_ERROR, "transaction " + hash.toHexString() + " not found"));
  }

  private static boolean flag(JsonNode options, String name) {
    if (options == null || !options.has(name) || options.get(name).isNull()) {
      return false;
    }
    if (!options.get(name).isBoolean()) {
      throw RpcException.invalidParams(name + " must be true or false; got " + options.get(name));
    }
    return options.get(name).booleanValue();
  }

  private static String text(JsonNode options, String name) {
    if (options == null || !options.has(name) || options.get(name).isNull()) {
      return null;
    }
    return RpcParams.textOf(name, options.get(name));
  }
}
