package org.drr.cli.registry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drr.cli.chain.AbiCatalog;
import org.drr.cli.chain.AbiCatalog.DecodedEvent;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A mined transaction: its receipt and the registry events it emitted, decoded.
 *
 * @param receipt the receipt (status OK: failed transactions never get here)
 * @param events the decoded registry events, in log order
 */
public record TxResult(TransactionReceipt receipt, List<DecodedEvent> events) {

  /** Decodes the registry events of {@code receipt}. */
  public static TxResult of(TransactionReceipt receipt, AbiCatalog abi) {
    List<DecodedEvent> events = new ArrayList<>();
    for (Log log : receipt.getLogs()) {
      abi.decode(log).ifPresent(events::add);
    }
    return new TxResult(receipt, events);
  }

  /** Argument {@code arg} of the first {@code event}; the id a transaction created. */
  public Object arg(String event, String arg) {
    for (DecodedEvent e : events) {
      if (e.name().equals(event)) {
        return e.args().get(arg);
      }
    }
    throw new IllegalStateException("transaction " + receipt.getTransactionHash()
        + " emitted no " + event + " (events: " + events.stream().map(DecodedEvent::name).toList()
        + ")");
  }

  public BigInteger id(String event, String arg) {
    return (BigInteger) arg(event, arg);
  }

  /** The fields every transaction result shows, after the command's own {@code head}. */
  public Map<String, Object> describe(Map<String, Object> head) {
    Map<String, Object> out = new LinkedHashMap<>(head);
    out.put("tx", receipt.getTransactionHash());
    out.put("block", receipt.getBlockNumber());
    out.put("gasUsed", receipt.getGasUsed());
    out.put("events", events.stream().map(e -> new Event(e.name(), e.args())).toList());
    return out;
  }

  /**
   * An emitted event as results show it: {@code Name(k=v, ...)} for people, and
   * {@code {"event": name, "args": {...}}} in JSON.
   */
  public record Event(String event, Map<String, Object> args) {
    @Override
    public String toString() {
      return line(new DecodedEvent("", event, args));
    }
  }

  /** {@code Name(k=v, ...)}. */
  public static String line(DecodedEvent e) {
    List<String> args = new ArrayList<>();
    e.args().forEach((k, v) -> args.add(k + "=" + v));
    return e.name() + "(" + String.join(", ", args) + ")";
  }
}
