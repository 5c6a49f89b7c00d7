package org.drr.node.types;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Keccak256;
import org.drr.node.crypto.Signature;
import org.drr.node.rlp.RlpWriter;

/**
 * A pre-EIP-2718 transaction: {@code rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])}.
 * With a chain id (EIP-155) v = chainId·2 + 35 + recoveryId and the signing hash commits to the
 * chain; without, v = 27 + recoveryId.
 */
public final class LegacyTransaction extends AbstractTransaction {
  private final UInt256 gasPrice;
  private final OptionalLong chainId;

  public LegacyTransaction(
      long nonce,
      UInt256 gasPrice,
      long gasLimit,
      Optional<Address> to,
      UInt256 value,
      Bytes data,
      OptionalLong chainId,
      Signature signature) {
    super(nonce, gasLimit, to, value, data, signature);
    this.gasPrice = gasPrice;
    this.chainId = chainId;
  }

  public UInt256 gasPrice() {
    return gasPrice;
  }

  @Override
  public OptionalLong chainId() {
    return chainId;
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
  }

  @Override
  public UInt256 maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return gasPrice;
  }

  /** The signature's v as encoded. */
  public long v() {
    return chainId.isPresent()
        ? chainId.getAsLong() * 2 + 35 + signature().recoveryId()
        : 27 + signature().recoveryId();
  }

  public LegacyTransaction withSignature(Signature newSignature) {
    return new LegacyTransaction(
        nonce(), gasPrice, gasLimit(), to(), value(), data(), chainId, newSignature);
  }

  @Override
  public Bytes32 signingHash() {
    RlpWriter writer = new RlpWriter(data().size() + 96);
    writer.startList();
    writeUnsignedFields(writer);
    if (chainId.isPresent()) {
      writer.writeUnsignedLong(chainId.getAsLong()).writeLong(0).writeLong(0);
    }
    writer.endList();
    return Keccak256.hash(writer.toBytes());
  }

  @Override
  Bytes encode() {
    RlpWriter writer = new RlpWriter(data().size() + 160);
    writer.startList();
    writeUnsignedFields(writer);
    TransactionFields.writeSignature(writer, v(), signature());
    writer.endList();
    return writer.toBytes();
  }

  private void writeUnsignedFields(RlpWriter writer) {
    writer.writeUnsignedLong(nonce()).writeUInt256(gasPrice).writeUnsignedLong(gasLimit());
    TransactionFields.writeTo(writer, to());
    writer.writeUInt256(value()).writeBytes(data());
  }

  @Override
  public String toString() {
    return "LegacyTransaction["
        + "nonce=" + nonce()
        + ", gasPrice=" + gasPrice
        + ", gasLimit=" + gasLimit()
        + ", to=" + to()
        + ", value=" + value()
        + ", data=" + data()
        + ", chainId=" + chainId
        + ", signature=" + signature()
        + "]";
  }
}
