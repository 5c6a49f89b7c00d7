package org.drr.node.types;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Secp256k1;
import org.drr.node.crypto.Signature;

/**
 * A signed transaction of one of the accepted types. Instances are built by {@link
 * TransactionDecoder} (from the wire) or {@link TransactionSigner}; they hold whatever the wire
 * held, so intrinsic validity is a separate step ({@link TransactionValidator}).
 *
 * <p>{@code nonce} and {@code gasLimit} are unsigned 64-bit values in a long (compare with {@link
 * Long#compareUnsigned}); amounts are wei as {@link UInt256}.
 */
public sealed interface Transaction permits AbstractTransaction {
  TransactionType type();

  long nonce();

  long gasLimit();

  /** The recipient; empty for a contract creation. */
  Optional<Address> to();

  UInt256 value();

  /** Call data, or init code for a contract creation. */
  Bytes data();

  /** The EIP-2930 access list; empty for legacy transactions. */
  List<AccessListEntry> accessList();

  /** The chain the signature commits to; empty only for pre-EIP-155 legacy transactions. */
  OptionalLong chainId();

  /** The most the sender pays per gas: gasPrice, or maxFeePerGas for EIP-1559. */
  UInt256 maxFeePerGas();

  /** The tip cap: gasPrice, or maxPriorityFeePerGas for EIP-1559. */
  UInt256 maxPriorityFeePerGas();

  Signature signature();

  /** The hash the sender signed (type-specific preimage, see EIP-155, EIP-2930, EIP-1559). */
  Bytes32 signingHash();

  /** The EIP-2718 encoding: the RLP list for legacy, type byte ‖ RLP list otherwise. */
  Bytes encoded();

  /** keccak(encoded()): the transaction hash. */
  Bytes32 hash();

  default boolean isContractCreation() {
    return to().isEmpty();
  }

  /**
   * The price per gas paid under {@code baseFee}: min(maxFee, baseFee + maxPriorityFee). The caller
   * has checked maxFee ≥ baseFee.
   */
  default UInt256 effectiveGasPrice(UInt256 baseFee) {
    UInt256 withTip = baseFee.add(maxPriorityFeePerGas());
    boolean overflowed = withTip.compareTo(baseFee) < 0;
    return overflowed || withTip.compareTo(maxFeePerGas()) > 0 ? maxFeePerGas() : withTip;
  }

  /**
   * Recovers the sender from the signature. Costs one public-key recovery: callers that need the
   * sender more than once should keep it.
   *
   * @throws InvalidTransactionException (INVALID_SIGNATURE) if no key recovers
   */
  default Address sender() {
    Signature sig = signature();
    if (!sig.isInRange()) {
      throw new InvalidTransactionException(
          InvalidTransactionException.Reason.INVALID_SIGNATURE,
          "signature out of range: r="
              + sig.r().toHexString()
              + " s="
              + sig.s().toHexString()
              + " recoveryId="
              + sig.recoveryId());
    }
    return Secp256k1.recoverAddress(signingHash(), sig)
        .orElseThrow(
            () ->
                new InvalidTransactionException(
                    InvalidTransactionException.Reason.INVALID_SIGNATURE,
                    "no public key recovers from r="
                        + sig.r().toHexString()
                        + " s="
                        + sig.s().toHexString()));
  }
}
