package org.drr.node.types;

import org.drr.node.crypto.PrivateKey;
import org.drr.node.crypto.Secp256k1;
import org.drr.node.crypto.Signature;

/**
 * Signs transactions. Build the transaction with any signature (e.g. {@link #UNSIGNED}), then
 * {@link #sign} replaces it with the key's signature over the type's signing hash.
 */
public final class TransactionSigner {
  /** A placeholder signature for transactions about to be signed. */
  public static final Signature UNSIGNED =
      new Signature(
          org.apache.tuweni.units.bigints.UInt256.ZERO,
          org.apache.tuweni.units.bigints.UInt256.ZERO,
          0);

  private TransactionSigner() {}

  /** {@code tx} signed by {@code key}; the chain id it commits to is {@code tx}'s. */
  @SuppressWarnings("unchecked")
  public static <T extends Transaction> T sign(T tx, PrivateKey key) {
    Signature signature = Secp256k1.sign(tx.signingHash(), key);
    Transaction signed =
        switch (tx) {
          case LegacyTransaction legacy -> legacy.withSignature(signature);
          case AccessListTransaction accessList -> accessList.withSignature(signature);
          case Eip1559Transaction eip1559 -> eip1559.withSignature(signature);
        };
    return (T) signed;
  }
}
