package org.drr.node.execution;

import static org.drr.node.execution.TransactionRejectedException.Reason.*;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.evm.CallKind;
import org.drr.node.evm.Evm;
import org.drr.node.evm.EvmTracer;
import org.drr.node.evm.MessageResult;
import org.drr.node.evm.Status;
import org.drr.node.evm.TransactionContext;
import org.drr.node.evm.gas.GasCosts;
import org.drr.node.evm.precompile.Precompiles;
import org.drr.node.fork.Fork;
import org.drr.node.state.Substate;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.AccessListEntry;
import org.drr.node.types.IntrinsicGas;
import org.drr.node.types.Address;
import org.drr.node.types.Receipt;

/**
 * Applies one transaction to a world state: validates it against the state and block (nonce,
 * EIP-3607 sender without code, gas limits, EIP-1559 fee caps, balance), buys gas, warms the
 * EIP-2929 access list, runs the call or creation, refunds (EIP-3529 cap of gasUsed/5), pays the
 * coinbase its priority fee, and ends the transaction in the state.
 *
 * <p>A zero base fee (free-gas permissioned chain) is valid: then only tips move. Execution
 * runs on a {@link DeepStack} thread, since calls nest 1024 frames deep.
 */
public final class TransactionProcessor {
  private final Fork fork;
  /** False only for simulated calls, which may come from a contract's address. */
  private final boolean requireEoaSender;

  public TransactionProcessor(Fork fork) {
    this(fork, true);
  }

  /**
   * A processor for {@code eth_call}-style simulation: like geth's, it skips the EIP-3607 check,
   * so a call can be made "from" a contract (a multisig, a registry) to see what it would get.
   * Signed transactions never come from such an address, so including blocks never uses this.
   */
  public static TransactionProcessor forSimulation(Fork fork) {
    return new TransactionProcessor(fork, false);
  }

  private TransactionProcessor(Fork fork, boolean requireEoaSender) {
    if (fork.isBefore(Evm.MINIMUM_FORK) || fork.compareTo(Fork.LATEST_SUPPORTED) > 0) {
      throw new IllegalArgumentException(
          "transactions execute from " + Evm.MINIMUM_FORK + " to " + Fork.LATEST_SUPPORTED
              + ", not " + fork);
    }
    this.fork = fork;
    this.requireEoaSender = requireEoaSender;
  }

  /**
   * Executes {@code tx} against {@code state} in {@code block}.
   *
   * @param cumulativeGasUsedBefore gas used by earlier transactions of the block (for the receipt)
   * @throws TransactionRejectedException if the transaction cannot be included; the state is then
   *     unchanged
   */
  public TransactionOutcome execute(
      WorldState state, BlockEnvironment block, TransactionMessage tx, long cumulativeGasUsedBefore)
      throws TransactionRejectedException {
    return execute(state, block, tx, cumulativeGasUsedBefore, null);
  }

  /**
   * {@link #execute(WorldState, BlockEnvironment, TransactionMessage, long)} with {@code tracer}
   * (null for none) observing the EVM.
   */
  public TransactionOutcome execute(
      WorldState state,
      BlockEnvironment block,
      TransactionMessage tx,
      long cumulativeGasUsedBefore,
      EvmTracer tracer)
      throws TransactionRejectedException {
    return DeepStack.call(() -> executeHere(state, block, tx, cumulativeGasUsedBefore, tracer));
  }

  private TransactionOutcome executeHere(
      WorldState state,
      BlockEnvironment block,
      TransactionMessage tx,
      long cumulativeGasUsedBefore,
      EvmTracer tracer)
      throws TransactionRejectedException {
    BigInteger gasPrice = validate(state, block, tx);
    Address sender = tx.sender();
    BigInteger gasLimit = BigInteger.valueOf(tx.gasLimit());
    state.subBalance(sender, gasLimit.multiply(gasPrice));

    Substate substate = state.substate();
    substate.warmAddress(sender);
    substate.warmAddress(block.coinbase()); // EIP-3651
    // EIP-2929: precompiles start warm (0x01..0x09, plus 0x0a from Cancun, EIP-4844).
    int precompiles = fork.isAtLeast(Fork.CANCUN) ? Precompiles.MAX_ADDRESS : 9;
    for (int i = 1; i <= precompiles; i++) {
      substate.warmAddress(Address.precompile(i));
    }
    for (AccessListEntry e : tx.accessList()) {
      substate.warmAddress(e.address());
      for (Bytes32 key : e.storageKeys()) {
        substate.warmSlot(e.address(), Word256.fromBytes(key.toArrayUnsafe()));
      }
    }

    TransactionContext context = new TransactionContext(sender, gasPrice, List.of());
    Evm evm = new Evm(state, fork, block, context, tracer);
    long gas = tx.gasLimit() - intrinsicGas(tx);
    byte[] input = tx.data().toArrayUnsafe();
    MessageResult result;
    if (tx.isContractCreation()) {
      result = evm.create(sender, tx.value(), input, gas, 0, null);
    } else {
      substate.warmAddress(tx.to());
      state.setNonce(sender, tx.nonce() + 1);
      result = evm.call(CallKind.CALL, sender, tx.to(), tx.to(), tx.value(), input, gas, 0, false);
    }

    long gasLeft = result.gasLeft();
    long gasUsed = tx.gasLimit() - gasLeft;
    long refund = Math.min(Math.max(substate.refund(), 0), gasUsed / GasCosts.MAX_REFUND_QUOTIENT);
    gasLeft += refund;
    gasUsed -= refund;
    state.addBalance(sender, BigInteger.valueOf(gasLeft).multiply(gasPrice));
    BigInteger tip = gasPrice.subtract(block.baseFee());
    state.addBalance(block.coinbase(), BigInteger.valueOf(gasUsed).multiply(tip));

    boolean success = result.isSuccess();
    var logs = success ? List.copyOf(substate.logs()) : List.<org.drr.node.types.Log>of();
    Receipt receipt = Receipt.of(tx.type(), success, cumulativeGasUsedBefore + gasUsed, logs);
    state.endTransaction();
    return new TransactionOutcome(
        receipt,
        gasUsed,
        result.output(),
        result.createdAddress(),
        success ? null : Status.name(result.status()));
  }

  /** Checks everything that makes a transaction unincludable; returns the effective gas price. */
  private BigInteger validate(WorldState state, BlockEnvironment block, TransactionMessage tx)
      throws TransactionRejectedException {
    Address sender = tx.sender();
    BigInteger feeCap = tx.feeCap();
    BigInteger tipCap = tx.tipCap();
    if (feeCap.bitLength() > 256 || tipCap.bitLength() > 256 || tx.value().bitLength() > 256) {
      throw new TransactionRejectedException(
          VALUE_OUT_OF_RANGE, "fee cap, tip cap or value exceeds 2^256-1 (fee cap " + feeCap + ")");
    }
    long stateNonce = state.nonce(sender);
    if (tx.nonce() == -1L) {
      throw new TransactionRejectedException(NONCE_IS_MAX, "nonce 2^64-1 is not allowed (EIP-2681)");
    }
    if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) {
      throw new TransactionRejectedException(
          NONCE_TOO_LOW, "nonce too low: transaction " + Long.toUnsignedString(tx.nonce())
              + ", account " + sender + " has " + Long.toUnsignedString(stateNonce));
    }
    if (Long.compareUnsigned(tx.nonce(), stateNonce) > 0) {
      throw new TransactionRejectedException(
          NONCE_TOO_HIGH, "nonce too high: transaction " + Long.toUnsignedString(tx.nonce())
              + ", account " + sender + " has " + Long.toUnsignedString(stateNonce));
    }
    if (requireEoaSender && state.code(sender).length != 0) {
      throw new TransactionRejectedException(
          SENDER_NOT_EOA, "sender " + sender + " has code, so it cannot sign (EIP-3607)");
    }
    if (Long.compareUnsigned(tx.gasLimit(), block.gasLimit()) > 0) {
      throw new TransactionRejectedException(
          GAS_LIMIT_EXCEEDS_BLOCK, "gas limit " + Long.toUnsignedString(tx.gasLimit())
              + " exceeds the block gas limit " + block.gasLimit());
    }
    if (tipCap.compareTo(feeCap) > 0) {
      throw new TransactionRejectedException(
          PRIORITY_FEE_ABOVE_FEE_CAP, "max priority fee " + tipCap + " exceeds max fee " + feeCap);
    }
    if (feeCap.compareTo(block.baseFee()) < 0) {
      throw new TransactionRejectedException(
          FEE_CAP_BELOW_BASE_FEE, "max fee per gas " + feeCap + " is below the base fee "
              + block.baseFee());
    }
    if (tx.isContractCreation() && tx.data().size() > GasCosts.MAX_INIT_CODE_SIZE) {
      throw new TransactionRejectedException(
          INIT_CODE_SIZE_EXCEEDED, "init code of " + tx.data().size() + " bytes exceeds "
              + GasCosts.MAX_INIT_CODE_SIZE + " (EIP-3860)");
    }
    long intrinsic = intrinsicGas(tx);
    if (tx.gasLimit() < intrinsic) {
      throw new TransactionRejectedException(
          INTRINSIC_GAS_TOO_LOW, "gas limit " + tx.gasLimit() + " is below the intrinsic gas "
              + intrinsic);
    }
    BigInteger maxCost = BigInteger.valueOf(tx.gasLimit()).multiply(feeCap).add(tx.value());
    BigInteger balance = state.balance(sender);
    if (balance.compareTo(maxCost) < 0) {
      throw new TransactionRejectedException(
          INSUFFICIENT_FUNDS, "sender " + sender + " has " + balance + " wei, needs up to "
              + maxCost + " (gas limit x max fee + value)");
    }
    if (tx.type() == org.drr.node.types.TransactionType.EIP1559) {
      return feeCap.min(block.baseFee().add(tipCap));
    }
    return feeCap;
  }

  private long intrinsicGas(TransactionMessage tx) {
    return IntrinsicGas.of(tx.data(), tx.isContractCreation(), tx.accessList(), fork);
  }
}
