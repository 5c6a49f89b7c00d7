package org.drr.node.chain;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.types.Address;

/**
 * Account permissioning by the on-chain ParticipantRegistry: a sender is permitted when the
 * registry's {@code isActive(address)} view returns true on the head state. Calls that fail
 * (no contract at the address, revert) deny, so a misconfigured registry address cannot open the
 * chain to everyone.
 *
 * <p>Answers are kept per head block: the registry can only change when a block commits, and
 * every admission asks, so a sender's burst of transactions costs one EVM call per block.
 */
public final class RegistrySenderPermission implements SenderPermission {
  private static final Bytes IS_ACTIVE = Keccak256.hash(Bytes.wrap("isActive(address)".getBytes())).slice(0, 4);
  private static final long CALL_GAS = 200_000;

  private final Ledger ledger;
  private final Address registry;
  private volatile Answers answers = new Answers(Bytes32.ZERO, new ConcurrentHashMap<>());

  /**
   * Answers computed on the state after one head block. A new head gets a new set rather than a
   * cleared one, so an answer computed on an older head can never be filed under a newer one.
   */
  private record Answers(Bytes32 head, Map<Address, Boolean> byAddress) {}

  public RegistrySenderPermission(Ledger ledger, Address registry) {
    this.ledger = ledger;
    this.registry = registry;
  }

  public Address registry() {
    return registry;
  }

  @Override
  public boolean isPermitted(Address sender) {
    StoredBlock head = ledger.chain().head();
    Answers current = answers;
    if (!current.head().equals(head.hash())) {
      current = new Answers(head.hash(), new ConcurrentHashMap<>());
      answers = current;
    }
    Boolean known = current.byAddress().get(sender);
    if (known == null) {
      known = isActiveAt(head, sender);
      current.byAddress().put(sender, known);
    }
    return known;
  }

  private boolean isActiveAt(StoredBlock head, Address sender) {
    Bytes data = Bytes.concatenate(IS_ACTIVE, sender.toWord());
    Ledger.CallResult r = ledger.call(head, Address.ZERO, registry, BigInteger.ZERO, data, CALL_GAS);
    if (!r.success() || r.output().length != 32) {
      return false;
    }
    return r.output()[31] == 1;
  }
}
