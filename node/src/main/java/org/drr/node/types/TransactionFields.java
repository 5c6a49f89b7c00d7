package org.drr.node.types;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.crypto.Signature;
import org.drr.node.rlp.RlpWriter;

/** RLP writing shared by the transaction types. */
final class TransactionFields {
  private TransactionFields() {}

  static void writeTo(RlpWriter writer, Optional<Address> to) {
    if (to.isPresent()) {
      to.get().writeTo(writer);
    } else {
      writer.writeBytes(Bytes.EMPTY);
    }
  }

  static void writeSignature(RlpWriter writer, long v, Signature signature) {
    writer.writeUnsignedLong(v).writeUInt256(signature.r()).writeUInt256(signature.s());
  }

  /**
   * The EIP-2718 signing hash of a typed transaction: keccak256 of the type byte and the RLP list
   * of its unsigned fields.
   *
   * @param sizeHint expected size of the encoding, to size the buffer once
   */
  static Bytes32 typedSigningHash(
      TransactionType type, int sizeHint, Consumer<RlpWriter> unsignedFields) {
    RlpWriter writer = new RlpWriter(sizeHint);
    writer.startList();
    unsignedFields.accept(writer);
    writer.endList();
    return Keccak256.hash(typed(type, writer));
  }

  /**
   * The EIP-2718 encoding of a signed typed transaction: the type byte and the RLP list of its
   * unsigned fields followed by y-parity, r and s.
   */
  static Bytes typedEncoding(
      TransactionType type, int sizeHint, Consumer<RlpWriter> unsignedFields, Signature signature) {
    RlpWriter writer = new RlpWriter(sizeHint);
    writer.startList();
    unsignedFields.accept(writer);
    writeSignature(writer, signature.recoveryId(), signature);
    writer.endList();
    return typed(type, writer);
  }

  static Bytes typed(TransactionType type, RlpWriter body) {
    byte[] encoded = body.toByteArray();
    byte[] out = new byte[encoded.length + 1];
    out[0] = (byte) type.code();
    System.arraycopy(encoded, 0, out, 1, encoded.length);
    return Bytes.wrap(out);
  }

  static void writeAccessList(RlpWriter writer, List<AccessListEntry> accessList) {
    AccessListEntry.writeList(accessList, writer);
  }
}
