package org.drr.node.execution;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.evm.CallKind;
import org.drr.node.evm.Evm;
import org.drr.node.evm.TransactionContext;
import org.drr.node.fork.Fork;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;

/**
 * EIP-4788's system call, made at the start of every Cancun block before its transactions: the
 * system address calls the beacon roots contract with the header's {@code parentBeaconBlockRoot},
 * and the contract files it under the block's timestamp. The call pays no gas, uses none of the
 * block's and moves no nonce.
 *
 * <p>A QBFT chain has no beacon chain, so the root in our headers is zero, as in Besu's QBFT
 * blocks; the call still matters once someone deploys the contract (its address comes from a
 * keyless deployment anyone can replay), since from then on every block writes the timestamp
 * into its storage, and every client of the chain must agree on that state.
 */
public final class BeaconRootsCall {
  /** The caller of system calls (EIP-4788). */
  public static final Address SYSTEM_ADDRESS =
      Address.fromHexString("0xfffffffffffffffffffffffffffffffffffffffe");
  /** Where the keyless deployment of EIP-4788 puts the beacon roots contract. */
  public static final Address BEACON_ROOTS_ADDRESS =
      Address.fromHexString("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
  /** The gas the system call gets (EIP-4788). */
  static final long GAS = 30_000_000L;

  private BeaconRootsCall() {}

  /**
   * Makes the call on {@code state} for a block of {@code fork} in {@code block}, if the fork is
   * Cancun or later and the contract has code; without code the call fails silently, as the EIP
   * says, which here means it is not made at all.
   *
   * @return whether the call ran (and so may have changed {@code state})
   */
  public static boolean apply(WorldState state, Fork fork, BlockEnvironment block, Bytes32 root) {
    if (fork.isBefore(Fork.CANCUN) || root == null || state.code(BEACON_ROOTS_ADDRESS).length == 0) {
      return false;
    }
    Evm evm = new Evm(state, fork, block, new TransactionContext(SYSTEM_ADDRESS, BigInteger.ZERO, List.of()));
    state.substate().warmAddress(SYSTEM_ADDRESS);
    state.substate().warmAddress(BEACON_ROOTS_ADDRESS);
    // The contract's own code decides what to store; a failure (it cannot fail on a 32-byte input
    // from the system address) would leave the state as it was, as for any reverted call.
    DeepStack.call(() -> evm.call(CallKind.CALL, SYSTEM_ADDRESS, BEACON_ROOTS_ADDRESS,
        BEACON_ROOTS_ADDRESS, BigInteger.ZERO, root.toArray(), GAS, 0, false));
    // Ends the call like a transaction: commits its writes and, by EIP-158, drops the system
    // address again if the zero-value call touched it into existence.
    state.endTransaction();
    return true;
  }
}
