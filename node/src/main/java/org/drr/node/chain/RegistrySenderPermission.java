package org.drr.node.chain;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.crypto.Keccak256;
import org.drr.node.types.Address;

/**
 * Account permissioning by the on-chain ParticipantRegistry: a sender is permitted when the
 * registry's {@code isActive(address)} view returns true on the head state. Calls that fail
 * (no contract at the address, revert) deny, so a misconfigured registry address cannot open the
 * chain to everyone.
 */
public final class RegistrySenderPermission implements SenderPermission {
  private static final Bytes IS_ACTIVE = Keccak256.hash(Bytes.wrap("isActive(address)".getBytes())).slice(0, 4);
  private static final long CALL_GAS = 200_000;

  private final Ledger ledger;
  private final Address registry;

  public RegistrySenderPermission(Ledger ledger, Address registry) {
    this.ledger = ledger;
    this.registry = registry;
  }

  public Address registry() {
    return registry;
  }

  @Override
  public boolean isPermitted(Address sender) {
    Bytes data = Bytes.concatenate(IS_ACTIVE, sender.toWord());
    Ledger.CallResult r = ledger.call(Address.ZERO, registry, BigInteger.ZERO, data, CALL_GAS);
    if (!r.success() || r.output().length != 32) {
      return false;
    }
    return r.output()[31] == 1;
  }
}
