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
 * EIP-1559 (type 2): {@code 0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
 * gasLimit, to, value, data, accessList, yParity, r, s])}.
 */
public final class Eip1559Transaction extends AbstractTransaction {
  private final long chainIdValue;
  private final UInt256 maxPriorityFeePerGas;
  private final UInt256 maxFeePerGas;
  private final List<AccessListEntry> accessList;

  public Eip1559Transaction(
      long chainIdValue,
      long nonce,
      UInt256 maxPriorityFeePerGas,
      UInt256 maxFeePerGas,
      long gasLimit,
      Optional<Address> to,
      UInt256 value,
      Bytes data,
      List<AccessListEntry> accessList,
      Signature signature) {
    super(nonce, gasLimit, to, value, data, signature);
    this.chainIdValue = chainIdValue;
    this.maxPriorityFeePerGas = maxPriorityFeePerGas;
    this.maxFeePerGas = maxFeePerGas;
    this.accessList = List.copyOf(accessList);
  }

  public long chainIdValue() {
    return chainIdValue;
  }

  @Override
  public UInt256 maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  @Override
  public UInt256 maxFeePerGas() {
    return maxFeePerGas;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return accessList;
  }

  @Override
  public TransactionType type() {
    return TransactionType.EIP1559;
  }

  @Override
  public OptionalLong chainId() {
    return OptionalLong.of(chainIdValue);
  }

  public Eip1559Transaction withSignature(Signature newSignature) {
    return new Eip1559Transaction(
        chainIdValue,
        nonce(),
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit(),
        to(),
        value(),
        data(),
        accessList,
        newSignature);
  }

  @Override
  public Bytes32 signingHash() {
    return TransactionFields.typedSigningHash(
        type(), data().size() + 160, this::writeUnsignedFields);
  }

  @Override
  Bytes encode() {
    return TransactionFields.typedEncoding(
        type(), data().size() + 224, this::writeUnsignedFields, signature());
  }

  private void writeUnsignedFields(RlpWriter writer) {
    writer
        .writeUnsignedLong(chainIdValue)
        .writeUnsignedLong(nonce())
        .writeUInt256(maxPriorityFeePerGas)
        .writeUInt256(maxFeePerGas)
        .writeUnsignedLong(gasLimit());
    TransactionFields.writeTo(writer, to());
    writer.writeUInt256(value()).writeBytes(data());
    TransactionFields.writeAccessList(writer, accessList);
  }

  @Override
  public String toString() {
    return "Eip1559Transaction["
        + "chainIdValue=" + chainIdValue
        + ", nonce=" + nonce()
        + ", maxPriorityFeePerGas=" + maxPriorityFeePerGas
        + ", maxFeePerGas=" + maxFeePerGas
        + ", gasLimit=" + gasLimit()
        + ", to=" + to()
        + ", value=" + value()
        + ", data=" + data()
        + ", accessList=" + accessList
        + ", signature=" + signature()
        + "]";
  }
}
