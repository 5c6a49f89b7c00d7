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
public record Eip1559Transaction(
    long chainIdValue,
    long nonce,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    UInt256 value,
    Bytes data,
    List<AccessListEntry> accessList,
    Signature signature)
    implements Transaction {

  public Eip1559Transaction {
    accessList = List.copyOf(accessList);
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
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        newSignature);
  }

  @Override
  public Bytes32 signingHash() {
    return TransactionFields.typedSigningHash(type(), data.size() + 160, this::writeUnsignedFields);
  }

  @Override
  public Bytes encoded() {
    return TransactionFields.typedEncoding(
        type(), data.size() + 224, this::writeUnsignedFields, signature);
  }

  private void writeUnsignedFields(RlpWriter writer) {
    writer
        .writeUnsignedLong(chainIdValue)
        .writeUnsignedLong(nonce)
        .writeUInt256(maxPriorityFeePerGas)
        .writeUInt256(maxFeePerGas)
        .writeUnsignedLong(gasLimit);
    TransactionFields.writeTo(writer, to);
    writer.writeUInt256(value).writeBytes(data);
    TransactionFields.writeAccessList(writer, accessList);
  }
}
