package org.drr.node.types;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Keccak256;
import org.drr.node.crypto.Signature;

/**
 * What the transaction types share: the fields every type has, and their encoding and hash, each
 * computed once. A block's transactions are encoded and hashed many times over — for its body,
 * its transactions root, the index of where each one is, and every RPC view of the block — and
 * doing it afresh each time for thousands of them cost tens of milliseconds between a block's due
 * time and its first reader.
 *
 * <p>Two transactions are equal when their encodings are: the encoding holds every field.
 */
abstract sealed class AbstractTransaction implements Transaction
    permits LegacyTransaction, AccessListTransaction, Eip1559Transaction {
  private final long nonce;
  private final long gasLimit;
  private final Optional<Address> to;
  private final UInt256 value;
  private final Bytes data;
  private final Signature signature;
  // Racy single-check caches, as String keeps its hash: the values are immutable, and any thread
  // that finds a field unset computes the same value again.
  private Bytes encoded;
  private Bytes32 hash;

  AbstractTransaction(
      long nonce,
      long gasLimit,
      Optional<Address> to,
      UInt256 value,
      Bytes data,
      Signature signature) {
    this.nonce = nonce;
    this.gasLimit = gasLimit;
    this.to = to;
    this.value = value;
    this.data = data;
    this.signature = signature;
  }

  @Override
  public final long nonce() {
    return nonce;
  }

  @Override
  public final long gasLimit() {
    return gasLimit;
  }

  @Override
  public final Optional<Address> to() {
    return to;
  }

  @Override
  public final UInt256 value() {
    return value;
  }

  @Override
  public final Bytes data() {
    return data;
  }

  @Override
  public final Signature signature() {
    return signature;
  }

  /** The encoding, computed afresh; {@link #encoded} keeps it. */
  abstract Bytes encode();

  @Override
  public final Bytes encoded() {
    Bytes e = encoded;
    if (e == null) {
      e = encode();
      encoded = e;
    }
    return e;
  }

  @Override
  public final Bytes32 hash() {
    Bytes32 h = hash;
    if (h == null) {
      h = Keccak256.hash(encoded());
      hash = h;
    }
    return h;
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof AbstractTransaction t
        && t.type() == type()
        && t.encoded().equals(encoded());
  }

  @Override
  public final int hashCode() {
    return hash().hashCode();
  }
}
