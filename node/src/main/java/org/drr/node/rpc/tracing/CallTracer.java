package org.drr.node.rpc.tracing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.evm.EvmTracer;
import org.drr.node.evm.MessageResult;
import org.drr.node.evm.Status;
import org.drr.node.rpc.json.Hex;
import org.drr.node.types.Address;

/**
 * geth's {@code callTracer}: the tree of message calls, each with {@code type}, {@code from},
 * {@code to}, {@code value} (not for STATICCALL), {@code gas}, {@code gasUsed}, {@code input},
 * {@code output}, {@code error} and {@code revertReason} when it failed, and nested {@code calls}.
 * The top frame reports the gas the EVM received (the gas limit minus intrinsic gas) and the
 * transaction's total gas used, as anvil and geth report them (set by {@link #result}).
 */
public final class CallTracer implements EvmTracer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Deque<ObjectNode> stack = new ArrayDeque<>();
  private final Deque<Long> gasGiven = new ArrayDeque<>();
  private ObjectNode root;

  @Override
  public void enterMessage(
      String type, Address from, Address to, BigInteger value, byte[] input, long gas, int depth) {
    ObjectNode call = JSON.objectNode();
    call.put("type", type);
    call.put("from", from.toHexString());
    call.put("to", to.toHexString());
    if (!"STATICCALL".equals(type)) {
      call.put("value", Hex.quantity(value));
    }
    call.put("gas", Hex.quantity(gas));
    call.put("gasUsed", "0x0");
    call.put("input", Hex.data(input));
    if (stack.isEmpty()) {
      root = call;
    } else {
      ObjectNode parent = stack.peek();
      ArrayNode calls =
          parent.has("calls") ? (ArrayNode) parent.get("calls") : parent.putArray("calls");
      calls.add(call);
    }
    stack.push(call);
    gasGiven.push(gas);
  }

  @Override
  public void exitMessage(int depth, MessageResult result) {
    ObjectNode call = stack.pop();
    long gas = gasGiven.pop();
    call.put("gasUsed", Hex.quantity(gas - result.gasLeft()));
    if (result.output().length > 0 || result.status() == Status.REVERT || result.isSuccess()) {
      call.put("output", Hex.data(result.output()));
    }
    if (!result.isSuccess()) {
      call.put(
          "error",
          result.status() == Status.REVERT ? "execution reverted" : Status.name(result.status()));
      if (result.status() == Status.REVERT) {
        org.drr.node.rpc.methods.RevertReasons.decode(Bytes.wrap(result.output()))
            .ifPresent(reason -> call.put("revertReason", reason));
      }
    }
    if (result.createdAddress() != null) {
      call.put("to", result.createdAddress().toHexString());
    }
    // Children come before "calls" is moved last, as geth orders the fields.
    if (call.has("calls")) {
      call.set("calls", call.remove("calls"));
    }
  }

  /**
   * The call tree, with the top frame's gasUsed set to the transaction's gas used (intrinsic gas
   * and refunds included), as geth reports it.
   */
  public ObjectNode result(long gasUsed) {
    if (root == null) {
      return JSON.objectNode();
    }
    root.put("gasUsed", Hex.quantity(gasUsed));
    return root;
  }
}
