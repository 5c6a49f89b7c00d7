package org.drr.node.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.drr.node.state.AccountState;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;

/**
 * Explains a state-root mismatch: the first differing account or slot when the fixture gives
 * the expected post-state, otherwise what changed from the pre-state to the computed post-state.
 */
final class StateDiff {
  private StateDiff() {}

  static String describe(StateTestFixture fixture, WorldState actual, JsonNode expectedState) {
    if (expectedState != null && !expectedState.isNull()) {
      return firstDifference(actual, expectedState);
    }
    StringBuilder sb = new StringBuilder("changes from the pre-state (no expected post-state given):");
    Map<Address, StateTestFixture.PreAccount> pre = new TreeMap<>();
    fixture.pre.forEach(p -> pre.put(p.address(), p));
    for (Address a : actual.sortedAddresses()) {
      AccountState s = actual.get(a);
      StateTestFixture.PreAccount p = pre.get(a);
      if (p == null) {
        sb.append("\n  + ").append(a).append(' ').append(summary(s));
        continue;
      }
      String changes = "";
      if (p.nonce() != s.nonce()) {
        changes += " nonce " + p.nonce() + "->" + s.nonce();
      }
      if (!p.balance().equals(s.balance())) {
        changes += " balance " + p.balance() + "->" + s.balance()
            + " (" + s.balance().subtract(p.balance()) + ")";
      }
      if (!java.util.Arrays.equals(p.code(), s.code())) {
        changes += " code " + p.code().length + "->" + s.code().length + " bytes";
      }
      Map<Word256, Word256> all = new TreeMap<>(java.util.Comparator.comparing(Word256::toString));
      all.putAll(p.slots());
      all.putAll(s.storageView());
      for (Word256 k : all.keySet()) {
        Word256 before = p.slots().getOrDefault(k, Word256.ZERO);
        Word256 after = s.storage(k);
        if (!before.equals(after)) {
          changes += " [" + brief(k) + "] " + brief(before) + "->" + brief(after);
        }
      }
      if (!changes.isEmpty()) {
        sb.append("\n  ~ ").append(a).append(changes);
      }
    }
    for (Address a : pre.keySet()) {
      if (actual.get(a) == null) {
        sb.append("\n  - ").append(a).append(" deleted");
      }
    }
    return sb.toString();
  }

  private static String firstDifference(WorldState actual, JsonNode expected) {
    for (var it = expected.fields(); it.hasNext(); ) {
      var e = it.next();
      Address a = Address.fromHexString(e.getKey());
      AccountState s = actual.get(a);
      if (s == null) {
        return "first difference: account " + a + " missing";
      }
      BigInteger balance = StateTestFixture.quantity(e.getValue().get("balance"));
      if (!balance.equals(s.balance())) {
        return "first difference: " + a + " balance " + s.balance() + " != expected " + balance;
      }
      long nonce = StateTestFixture.quantity(e.getValue().get("nonce")).longValue();
      if (nonce != s.nonce()) {
        return "first difference: " + a + " nonce " + s.nonce() + " != expected " + nonce;
      }
    }
    return "accounts present in the expectation match in balance and nonce";
  }

  private static String summary(AccountState s) {
    return "nonce " + s.nonce() + " balance " + s.balance() + " code " + s.code().length
        + " bytes, " + s.storageView().size() + " slots";
  }

  private static String brief(Word256 w) {
    String h = HexFormat.of().formatHex(w.toBytes()).replaceFirst("^0+", "");
    return "0x" + (h.isEmpty() ? "0" : h);
  }
}
