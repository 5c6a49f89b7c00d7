package org.drr.node.compat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drr.contracts.DevAccounts;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Steps signed once, so both nodes receive byte-identical transactions: legacy (EIP-155, chain id
 * {@link CompatNode#CHAIN_ID}), gas price zero, each sender's nonces from zero in step order,
 * fixed gas limits (creations {@value #CREATE_GAS}, calls {@value #CALL_GAS}).
 */
final class SignedSequence {
  static final long CREATE_GAS = 15_000_000;
  static final long CALL_GAS = 3_000_000;

  /** One signed step: its position in the whole sequence, raw bytes and hash. */
  record Signed(int index, ReplayStep step, String raw, String hash) {}

  private final List<List<Signed>> batches = new ArrayList<>();

  SignedSequence(List<List<ReplayStep>> stepBatches) {
    Map<Integer, BigInteger> nonces = new HashMap<>();
    int index = 0;
    for (List<ReplayStep> steps : stepBatches) {
      List<Signed> batch = new ArrayList<>();
      for (ReplayStep step : steps) {
        Credentials key = DevAccounts.account(step.sender());
        BigInteger nonce = nonces.merge(step.sender(), BigInteger.ONE, BigInteger::add)
            .subtract(BigInteger.ONE);
        RawTransaction tx = step.to() == null
            ? RawTransaction.createContractTransaction(nonce, BigInteger.ZERO,
                BigInteger.valueOf(CREATE_GAS), BigInteger.ZERO, step.data())
            : RawTransaction.createTransaction(nonce, BigInteger.ZERO,
                BigInteger.valueOf(CALL_GAS), step.to(), BigInteger.ZERO, step.data());
        byte[] raw = TransactionEncoder.signMessage(tx, CompatNode.CHAIN_ID, key);
        batch.add(new Signed(index++, step, Numeric.toHexString(raw),
            Numeric.toHexString(Hash.sha3(raw))));
      }
      batches.add(batch);
    }
  }

  List<List<Signed>> batches() {
    return batches;
  }

  List<Signed> all() {
    return batches.stream().flatMap(List::stream).toList();
  }
}
