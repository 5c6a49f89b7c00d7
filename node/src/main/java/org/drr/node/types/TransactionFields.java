package org.drr.node.types;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
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
