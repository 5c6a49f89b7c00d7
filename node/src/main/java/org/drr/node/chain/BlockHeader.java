package org.drr.node.chain;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.types.Address;
import org.drr.node.types.LogsBloom;

/**
 * An Ethereum block header through Cancun. The optional tail fields appear in the encoding only
 * from the fork that introduced them, and only as a prefix (a later field implies the earlier
 * ones): baseFee (London, EIP-1559), withdrawalsRoot (Shanghai, EIP-4895), blobGasUsed and
 * excessBlobGas (Cancun, EIP-4844), parentBeaconBlockRoot (Cancun, EIP-4788). An absent field is
 * null.
 *
 * <p>The header does not know its own hash: that rule belongs to the consensus ({@link
 * BlockHashing}); a QBFT block's hash leaves the commit seals out of {@code extraData}.
 */
public record BlockHeader(
    Bytes32 parentHash,
    Bytes32 ommersHash,
    Address coinbase,
    Bytes32 stateRoot,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot,
    LogsBloom logsBloom,
    BigInteger difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Bytes32 mixHash,
    Bytes nonce,
    BigInteger baseFee,
    Bytes32 withdrawalsRoot,
    Long blobGasUsed,
    Long excessBlobGas,
    Bytes32 parentBeaconBlockRoot) {

  public BlockHeader {
    if (nonce.size() != 8) {
      throw new IllegalArgumentException("header nonce must be 8 bytes, got " + nonce.size());
    }
    if (number < 0 || gasLimit < 0 || gasUsed < 0 || timestamp < 0) {
      throw new IllegalArgumentException(
          "negative header number/gasLimit/gasUsed/timestamp: " + number + "/" + gasLimit + "/"
              + gasUsed + "/" + timestamp);
    }
  }

  /** This header with {@code extraData} replaced (used by hashing and sealing rules). */
  public BlockHeader withExtraData(Bytes newExtraData) {
    return new BlockHeader(
        parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, logsBloom,
        difficulty, number, gasLimit, gasUsed, timestamp, newExtraData, mixHash, nonce, baseFee,
        withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot);
  }

  /** The RLP list of the header fields (what Ethereum hashes for the block hash). */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(600);
    writeTo(w);
    return w.toBytes();
  }

  public void writeTo(RlpWriter w) {
    w.startList()
        .writeBytes(parentHash)
        .writeBytes(ommersHash)
        .writeBytes(coinbase.bytes())
        .writeBytes(stateRoot)
        .writeBytes(transactionsRoot)
        .writeBytes(receiptsRoot)
        .writeBytes(logsBloom.bytes())
        .writeBigInteger(difficulty)
        .writeUnsignedLong(number)
        .writeUnsignedLong(gasLimit)
        .writeUnsignedLong(gasUsed)
        .writeUnsignedLong(timestamp)
        .writeBytes(extraData)
        .writeBytes(mixHash)
        .writeBytes(nonce);
    if (baseFee != null) {
      w.writeBigInteger(baseFee);
      if (withdrawalsRoot != null) {
        w.writeBytes(withdrawalsRoot);
        if (blobGasUsed != null) {
          w.writeUnsignedLong(blobGasUsed).writeUnsignedLong(excessBlobGas);
          if (parentBeaconBlockRoot != null) {
            w.writeBytes(parentBeaconBlockRoot);
          }
        }
      }
    }
    w.endList();
  }

  /** Decodes {@link #encode()}'s output; rejects trailing bytes. */
  public static BlockHeader decode(Bytes encoded) {
    RlpReader outer = RlpReader.of(encoded);
    BlockHeader header = readFrom(outer);
    outer.requireEnd();
    return header;
  }

  public static BlockHeader readFrom(RlpReader reader) {
    RlpReader r = reader.readList();
    Bytes32 parentHash = r.readBytes32();
    Bytes32 ommersHash = r.readBytes32();
    Address coinbase = Address.readFrom(r);
    Bytes32 stateRoot = r.readBytes32();
    Bytes32 txRoot = r.readBytes32();
    Bytes32 receiptsRoot = r.readBytes32();
    LogsBloom bloom = new LogsBloom(r.readBytes(LogsBloom.SIZE));
    BigInteger difficulty = r.readBigInteger();
    long number = r.readUnsignedLong();
    long gasLimit = r.readUnsignedLong();
    long gasUsed = r.readUnsignedLong();
    long timestamp = r.readUnsignedLong();
    Bytes extraData = r.readBytes();
    Bytes32 mixHash = r.readBytes32();
    Bytes nonce = r.readBytes(8);
    BigInteger baseFee = r.hasNext() ? r.readBigInteger() : null;
    Bytes32 withdrawalsRoot = r.hasNext() ? r.readBytes32() : null;
    Long blobGasUsed = r.hasNext() ? r.readUnsignedLong() : null;
    Long excessBlobGas = blobGasUsed != null ? r.readUnsignedLong() : null;
    Bytes32 beaconRoot = r.hasNext() ? r.readBytes32() : null;
    r.requireEnd();
    return new BlockHeader(
        parentHash, ommersHash, coinbase, stateRoot, txRoot, receiptsRoot, bloom, difficulty,
        number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFee,
        withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot);
  }
}
