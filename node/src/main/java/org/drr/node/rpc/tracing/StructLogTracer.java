package org.drr.node.rpc.tracing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drr.node.evm.EvmTracer;
import org.drr.node.evm.Frame;
import org.drr.node.evm.Opcodes;
import org.drr.node.evm.Status;
import org.drr.node.rpc.RpcException;
import org.drr.node.state.Word256;
import org.drr.node.types.Address;

/**
 * geth's default struct logger: one entry per executed opcode with {@code pc}, {@code op}, {@code
 * gas} (before the opcode), {@code gasCost}, {@code depth} (1 for the transaction's own frame),
 * {@code stack} (hex quantities, bottom first), {@code refund} when the refund counter is not zero,
 * and optionally {@code memory} (32-byte words) and {@code storage} (on SLOAD/SSTORE: the slots of
 * the executing contract seen so far, 0x-prefixed as anvil and current geth write them).
 *
 * <p>{@code gasCost} is the gas the opcode consumed; for CALL- and CREATE-family opcodes it
 * includes the gas handed to the callee, measured when the callee starts (as geth reports it).
 */
public final class StructLogTracer implements EvmTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();

  /** What to include (geth's config names). */
  public record Options(
      boolean disableStack, boolean enableMemory, boolean disableStorage, int limit) {}

  private final Options options;
  private final int maxSteps;
  private final List<ObjectNode> steps = new ArrayList<>();

  /** The step in progress at each depth (its gasCost is filled in when known). */
  private final Map<Integer, Step> open = new HashMap<>();

  private final Map<Integer, Frame> frames = new HashMap<>();
  private final Map<Address, TreeMap<String, String>> storage = new HashMap<>();

  /** An entry whose gasCost is known only after the opcode ran (or its callee started). */
  private static final class Step {
    final ObjectNode node;
    final long gasBefore;
    boolean costFixed;

    Step(ObjectNode node, long gasBefore) {
      this.node = node;
      this.gasBefore = gasBefore;
    }
  }

  /**
   * @param maxSteps the node's bound on steps; exceeding it aborts the trace with -32005
   */
  public StructLogTracer(Options options, int maxSteps) {
    this.options = options;
    this.maxSteps = options.limit() > 0 ? Math.min(options.limit(), maxSteps) : maxSteps;
  }

  @Override
  public void beforeOperation(Frame frame, int opcode) {
    if (steps.size() >= maxSteps) {
      if (options.limit() > 0) {
        return; // the caller asked for a prefix of the trace
      }
      throw RpcException.limitExceeded(
          "trace exceeds " + maxSteps + " steps; use the callTracer or a limit");
    }
    ObjectNode step = JSON.objectNode();
    step.put("pc", frame.pc);
    step.put("op", Opcodes.name(opcode));
    step.put("gas", frame.gas);
    step.put("gasCost", 0);
    step.put("depth", frame.depth + 1);
    long refund = frame.state.substate().refund();
    if (refund != 0) {
      step.put("refund", refund);
    }
    if (!options.disableStack()) {
      ArrayNode stack = step.putArray("stack");
      byte[] word = new byte[32];
      for (int i = frame.stack.size() - 1; i >= 0; i--) {
        frame.stack.toBytes32(i, word, 0);
        stack.add(quantity(word));
      }
    }
    if (options.enableMemory()) {
      ArrayNode memory = step.putArray("memory");
      byte[] raw = frame.memory.raw();
      for (long off = 0; off < frame.memory.size(); off += 32) {
        memory.add(HEX.formatHex(raw, (int) off, (int) off + 32));
      }
    }
    if (!options.disableStorage()
        && (opcode == Opcodes.SLOAD || opcode == Opcodes.SSTORE)
        && frame.stack.size() >= (opcode == Opcodes.SLOAD ? 1 : 2)) {
      byte[] key = new byte[32];
      frame.stack.toBytes32(0, key, 0);
      byte[] value = new byte[32];
      if (opcode == Opcodes.SLOAD) {
        value = frame.state.storage(frame.address, Word256.fromBytes(key)).toBytes();
      } else {
        frame.stack.toBytes32(1, value, 0);
      }
      TreeMap<String, String> slots = storage.computeIfAbsent(frame.address, a -> new TreeMap<>());
      slots.put("0x" + HEX.formatHex(key), "0x" + HEX.formatHex(value));
      ObjectNode shown = step.putObject("storage");
      slots.forEach(shown::put);
    }
    steps.add(step);
    open.put(frame.depth, new Step(step, frame.gas));
    frames.put(frame.depth, frame);
  }

  @Override
  public void afterOperation(Frame frame, int opcode, int status) {
    Step step = open.remove(frame.depth);
    if (step != null && !step.costFixed) {
      step.node.put("gasCost", step.gasBefore - frame.gas);
    }
  }

  @Override
  public void operationFailed(Frame frame, int opcode, int status) {
    Step step = open.remove(frame.depth);
    if (step != null) {
      step.node.put("error", Status.name(status));
    }
  }

  @Override
  public void enterMessage(
      String type,
      Address from,
      Address to,
      java.math.BigInteger value,
      byte[] input,
      long gas,
      int depth) {
    Step parentStep = open.get(depth - 1);
    Frame parent = frames.get(depth - 1);
    if (parentStep != null && parent != null && !parentStep.costFixed) {
      parentStep.node.put("gasCost", parentStep.gasBefore - parent.gas);
      parentStep.costFixed = true;
    }
  }

  /**
   * geth's top-level result: {@code gas}, {@code failed}, {@code returnValue} (0x-prefixed, as
   * current geth and anvil write it), {@code structLogs}.
   */
  public ObjectNode result(long gasUsed, boolean failed, byte[] returnValue) {
    ObjectNode result = JSON.objectNode();
    result.put("gas", gasUsed);
    result.put("failed", failed);
    result.put("returnValue", "0x" + HEX.formatHex(returnValue));
    ArrayNode logs = result.putArray("structLogs");
    steps.forEach(logs::add);
    return result;
  }

  private static String quantity(byte[] word) {
    int i = 0;
    while (i < 31 && word[i] == 0) {
      i++;
    }
    String hex = HEX.formatHex(word, i, 32);
    return "0x" + (hex.charAt(0) == '0' ? hex.substring(1) : hex);
  }
}
