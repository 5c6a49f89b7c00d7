package org.drr.node.types;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;

/**
 * A post-Byzantium transaction receipt. Its encoding is {@code rlp([status, cumulativeGasUsed,
 * bloom, logs])}, prefixed by the type byte for typed transactions (EIP-2718); that encoding is the
 * value stored in the receipts trie.
 */
public record Receipt(
    TransactionType type,
    boolean success,
    long cumulativeGasUsed,
    LogsBloom bloom,
    List<Log> logs) {
  public Receipt {
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from {@code logs}. */
  public static Receipt of(
      TransactionType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }

  /** The EIP-2718 encoding: the bare RLP list for legacy, else type byte ‖ RLP list. */
  public Bytes encode() {
    RlpWriter writer = new RlpWriter(300 + 100 * logs.size());
    writer
        .startList()
        .writeLong(success ? 1 : 0)
        .writeUnsignedLong(cumulativeGasUsed)
        .writeBytes(bloom.bytes());
    Log.writeList(logs, writer);
    writer.endList();
    Bytes body = writer.toBytes();
    return type == TransactionType.LEGACY ? body : Bytes.concatenate(Bytes.of(type.code()), body);
  }

  /**
   * Decodes {@link #encode()}'s output.
   *
   * @throws UnsupportedTransactionTypeException for an unknown type byte
   * @throws org.drr.node.rlp.RlpException for malformed RLP or a status other than 0 or 1
   */
  public static Receipt decode(Bytes encoded) {
    if (encoded.isEmpty()) {
      throw new IllegalArgumentException("empty receipt encoding");
    }
    int first = encoded.get(0) & 0xff;
    TransactionType type = TransactionType.LEGACY;
    Bytes body = encoded;
    if (first < 0xc0) {
      type = TransactionType.fromCode(first);
      body = encoded.slice(1);
    }
    RlpReader reader = RlpReader.of(body);
    RlpReader fields = reader.readList();
    long status = fields.readLong();
    if (status > 1) {
      throw new IllegalArgumentException("receipt status must be 0 or 1; got " + status);
    }
    long cumulativeGas = fields.readUnsignedLong();
    LogsBloom bloom = new LogsBloom(fields.readBytes(LogsBloom.SIZE));
    List<Log> logs = Log.readList(fields);
    fields.requireEnd();
    reader.requireEnd();
    return new Receipt(type, status == 1, cumulativeGas, bloom, logs);
  }
}
