package org.drr.node.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drr.node.types.Address;
import org.drr.node.types.Log;

/**
 * What a transaction accumulates besides account changes: EIP-2929 warm sets, EIP-1153 transient
 * storage, logs, the refund counter, accounts created and self-destructed, accounts touched.
 * Changes are journaled in the owning {@link WorldState}'s journal, so reverting a call drops its
 * logs, refunds, warmings and transient writes together with its state changes.
 */
public final class Substate {
  /** A storage slot of one account. */
  public record SlotKey(Address address, Word256 key) {}

  private final Journal journal;
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Map<SlotKey, Word256> transientStorage = new HashMap<>();
  private final List<Log> logs = new ArrayList<>();
  private final Set<Address> created = new HashSet<>();
  private final Set<Address> selfDestructed = new HashSet<>();
  private final Set<Address> touched = new HashSet<>();
  private long refund;

  Substate(Journal journal) {
    this.journal = journal;
  }

  /** Marks the address warm; returns true if it was already warm (EIP-2929). */
  public boolean warmAddress(Address address) {
    if (warmAddresses.add(address)) {
      journal.record(() -> warmAddresses.remove(address));
      return false;
    }
    return true;
  }

  public boolean isWarm(Address address) {
    return warmAddresses.contains(address);
  }

  /** Marks the slot warm; returns true if it was already warm (EIP-2929). */
  public boolean warmSlot(Address address, Word256 key) {
    SlotKey k = new SlotKey(address, key);
    if (warmSlots.add(k)) {
      journal.record(() -> warmSlots.remove(k));
      return false;
    }
    return true;
  }

  public Word256 transientGet(Address address, Word256 key) {
    Word256 v = transientStorage.get(new SlotKey(address, key));
    return v == null ? Word256.ZERO : v;
  }

  public void transientSet(Address address, Word256 key, Word256 value) {
    SlotKey k = new SlotKey(address, key);
    Word256 old = transientStorage.put(k, value);
    journal.record(
        () -> {
          if (old == null) {
            transientStorage.remove(k);
          } else {
            transientStorage.put(k, old);
          }
        });
  }

  public void addLog(Log log) {
    logs.add(log);
    journal.record(() -> logs.remove(logs.size() - 1));
  }

  public List<Log> logs() {
    return Collections.unmodifiableList(logs);
  }

  public long refund() {
    return refund;
  }

  /** Adds (or with a negative delta subtracts) refund, journaled. */
  public void addRefund(long delta) {
    long old = refund;
    refund = old + delta;
    journal.record(() -> refund = old);
  }

  void markCreated(Address address) {
    if (created.add(address)) {
      journal.record(() -> created.remove(address));
    }
  }

  public boolean isCreatedInTransaction(Address address) {
    return created.contains(address);
  }

  /** Records an account to delete at the end of the transaction (EIP-6780). */
  public void markSelfDestructed(Address address) {
    if (selfDestructed.add(address)) {
      journal.record(() -> selfDestructed.remove(address));
    }
  }

  Set<Address> selfDestructed() {
    return selfDestructed;
  }

  /** Records that the account was touched, so it is deleted at the end if empty (EIP-161). */
  public void touch(Address address) {
    if (touched.add(address)) {
      journal.record(() -> touched.remove(address));
    }
  }

  Set<Address> touched() {
    return touched;
  }

  void reset() {
    warmAddresses.clear();
    warmSlots.clear();
    transientStorage.clear();
    logs.clear();
    created.clear();
    selfDestructed.clear();
    touched.clear();
    refund = 0;
  }
}
