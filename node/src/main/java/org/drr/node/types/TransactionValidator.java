package org.drr.node.types;

import static org.drr.node.types.InvalidTransactionException.Reason.GAS_LIMIT_PRICE_PRODUCT_OVERFLOW;
import static org.drr.node.types.InvalidTransactionException.Reason.INIT_CODE_TOO_LARGE;
import static org.drr.node.types.InvalidTransactionException.Reason.INTRINSIC_GAS_TOO_LOW;
import static org.drr.node.types.InvalidTransactionException.Reason.INVALID_CHAIN_ID;
import static org.drr.node.types.InvalidTransactionException.Reason.INVALID_SIGNATURE;
import static org.drr.node.types.InvalidTransactionException.Reason.NONCE_TOO_BIG;
import static org.drr.node.types.InvalidTransactionException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE;
import static org.drr.node.types.InvalidTransactionException.Reason.UNSUPPORTED_TYPE;

import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Signature;
import org.drr.node.fork.Fork;

/**
 * Intrinsic validity: the rules a transaction must meet on its own, before any state is read (nonce
 * and balance checks against the sender's account are the processor's). Checks, in order: type
 * known to the fork; chain id (EIP-155 from Spurious Dragon; typed transactions always); r, s in
 * [1, n-1] and s ≤ n/2 (EIP-2, from Homestead); nonce below 2^64-1 (EIP-2681); maxPriorityFee ≤
 * maxFee (EIP-1559); gasLimit × fee cap within 256 bits; init code size (EIP-3860, from Shanghai);
 * gas limit ≥ intrinsic gas; finally that a sender recovers.
 */
public final class TransactionValidator {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private final Fork fork;
  private final long chainId;

  /**
   * @param chainId the chain transactions must be signed for
   */
  public TransactionValidator(Fork fork, long chainId) {
    this.fork = fork;
    this.chainId = chainId;
  }

  public Fork fork() {
    return fork;
  }

  public long chainId() {
    return chainId;
  }

  /**
   * Checks {@code tx} and returns its sender.
   *
   * @throws InvalidTransactionException naming the first rule broken and the values involved
   */
  public Address validate(Transaction tx) {
    checkType(tx);
    checkChainId(tx);
    checkSignatureValues(tx.signature());
    if (tx.nonce() == -1L) {
      throw new InvalidTransactionException(
          NONCE_TOO_BIG, "nonce 2^64-1 is not allowed (EIP-2681)");
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      throw new InvalidTransactionException(
          PRIORITY_FEE_ABOVE_MAX_FEE,
          "maxPriorityFeePerGas "
              + tx.maxPriorityFeePerGas().toDecimalString()
              + " exceeds maxFeePerGas "
              + tx.maxFeePerGas().toDecimalString());
    }
    BigInteger maxCost =
        new BigInteger(Long.toUnsignedString(tx.gasLimit()))
            .multiply(tx.maxFeePerGas().toUnsignedBigInteger());
    if (maxCost.compareTo(TWO_256) >= 0) {
      throw new InvalidTransactionException(
          GAS_LIMIT_PRICE_PRODUCT_OVERFLOW,
          "gasLimit "
              + Long.toUnsignedString(tx.gasLimit())
              + " × fee cap "
              + tx.maxFeePerGas().toDecimalString()
              + " exceeds 2^256");
    }
    if (tx.isContractCreation()
        && fork.isAtLeast(Fork.SHANGHAI)
        && tx.data().size() > IntrinsicGas.MAX_INIT_CODE_SIZE) {
      throw new InvalidTransactionException(
          INIT_CODE_TOO_LARGE,
          "init code of "
              + tx.data().size()
              + " bytes exceeds "
              + IntrinsicGas.MAX_INIT_CODE_SIZE
              + " (EIP-3860)");
    }
    long intrinsic = IntrinsicGas.of(tx, fork);
    if (Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      throw new InvalidTransactionException(
          INTRINSIC_GAS_TOO_LOW,
          "gas limit "
              + Long.toUnsignedString(tx.gasLimit())
              + " below intrinsic gas "
              + intrinsic);
    }
    return tx.sender();
  }

  private void checkType(Transaction tx) {
    Fork introduced =
        switch (tx.type()) {
          case LEGACY -> Fork.FRONTIER;
          case ACCESS_LIST -> Fork.BERLIN;
          case EIP1559 -> Fork.LONDON;
        };
    if (fork.isBefore(introduced)) {
      throw new InvalidTransactionException(
          UNSUPPORTED_TYPE, "transaction type " + tx.type() + " is not valid before " + introduced);
    }
  }

  private void checkChainId(Transaction tx) {
    if (tx.chainId().isEmpty()) {
      return;
    }
    long txChainId = tx.chainId().getAsLong();
    if (tx.type() == TransactionType.LEGACY && fork.isBefore(Fork.SPURIOUS_DRAGON)) {
      throw new InvalidTransactionException(
          INVALID_CHAIN_ID,
          "EIP-155 v (chain id " + txChainId + ") is not valid before Spurious Dragon");
    }
    if (txChainId != chainId) {
      throw new InvalidTransactionException(
          INVALID_CHAIN_ID,
          "transaction is signed for chain "
              + Long.toUnsignedString(txChainId)
              + ", this chain is "
              + chainId);
    }
  }

  private void checkSignatureValues(Signature signature) {
    UInt256 r = signature.r();
    UInt256 s = signature.s();
    if (r.isZero() || r.compareTo(Signature.N) >= 0) {
      throw new InvalidTransactionException(
          INVALID_SIGNATURE, "signature r must be in [1, n-1]; got " + r.toHexString());
    }
    if (s.isZero() || s.compareTo(Signature.N) >= 0) {
      throw new InvalidTransactionException(
          INVALID_SIGNATURE, "signature s must be in [1, n-1]; got " + s.toHexString());
    }
    if (fork.isAtLeast(Fork.HOMESTEAD) && !signature.isLowS()) {
      throw new InvalidTransactionException(
          INVALID_SIGNATURE, "signature s above n/2 (EIP-2): " + s.toHexString());
    }
  }
}
