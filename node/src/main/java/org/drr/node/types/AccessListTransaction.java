package org.drr.node.types;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Signature;
import org.drr.node.rlp.RlpWriter;

/**
 * EIP-2930 (type 1): {@code 0x01 ‖ rlp([chainId, nonce, gasPrice, gasLimit, to, value, data,
 * accessList, yParity, r, s])}; the signing hash is over the same without the signature.
 */
public final class AccessListTransaction extends AbstractTransaction {
  private final long chainIdValue;
  private final UInt256 gasPrice;
  private final List<AccessListEntry> accessList;

  public AccessListTransaction(
      long chainIdValue,
      long nonce,
      UInt256 gasPrice,
      long gasLimit,
      Optional<Address> to,
      UInt256 value,
      Bytes data,
      List<AccessListEntry> accessList,
      Signature signature) {
    super(nonce, gasLimit, to, value, data, signature);
    this.chainIdValue = chainIdValue;
    this.gasPrice = gasPrice;
    this.accessList = List.copyOf(accessList);
  }

  public long chainIdValue() {
    return chainIdValue;
  }

  public UInt256 gasPrice() {
    return gasPrice;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return accessList;
  }

  @Override
  public TransactionType type() {
    return TransactionType.ACCESS_LIST;
  }

  @Override
  public OptionalLong chainId() {
    return OptionalLong.of(chainIdValue);
  }

  @Override
  public UInt256 maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return gasPrice;
  }

  public AccessListTransaction withSignature(Signature newSignature) {
    return new AccessListTransaction(
        chainIdValue, nonce(), gasPrice, gasLimit(), to(), value(), data(), accessList,
        newSignature);
  }

  @Override
  public Bytes32 signingHash() {
    return TransactionFields.typedSigningHash(
        type(), data().size() + 128, this::writeUnsignedFields);
  }

  @Override
  Bytes encode() {
    return TransactionFields.typedEncoding(
        type(), data().size() + 192, this::writeUnsignedFields, signature());
  }

  private void writeUnsignedFields(RlpWriter writer) {
    writer
        .writeUnsignedLong(chainIdValue)
        .writeUnsignedLong(nonce())
        .writeUInt256(gasPrice)
        .writeUnsignedLong(gasLimit());
    TransactionFields.writeTo(writer, to());
    writer.writeUInt256(value()).writeBytes(data());
    TransactionFields.writeAccessList(writer, accessList);
  }

  @Override
  public String toString() {
    return "AccessListTransaction["
        + "chainIdValue=" + chainIdValue
        + ", nonce=" + nonce()
        + ", gasPrice=" + gasPrice
        + ", gasLimit=" + gasLimit()
        + ", to=" + to()
        + ", value=" + value()
        + ", data=" + data()
        + ", accessList=" + accessList
        + ", signature=" + signature()
        + "]";
  }
}
