package org.drr.node.types;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.Rlp;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;

/**
 * An account as the state trie stores it: {@code rlp([nonce, balance, storageRoot, codeHash])}. The
 * nonce is an unsigned 64-bit value held in a long (EIP-2681 caps it at 2^64-1); balances are wei
 * as {@link UInt256}.
 */
public record Account(long nonce, UInt256 balance, Bytes32 storageRoot, Bytes32 codeHash) {
  /** Root of the empty trie, keccak(rlp("")): the storage root of an account without storage. */
  public static final Bytes32 EMPTY_STORAGE_ROOT = Keccak256.hash(Rlp.EMPTY_STRING);

  /** Hash of empty code. */
  public static final Bytes32 EMPTY_CODE_HASH = Keccak256.EMPTY;

  /** A fresh account: nonce 0, no balance, no storage, no code. */
  public static final Account EMPTY =
      new Account(0, UInt256.ZERO, EMPTY_STORAGE_ROOT, EMPTY_CODE_HASH);

  public Account {
    if (balance == null || storageRoot == null || codeHash == null) {
      throw new IllegalArgumentException("account fields must not be null");
    }
  }

  /** EIP-161 emptiness: no nonce, no balance, no code (storage is not considered). */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(EMPTY_CODE_HASH);
  }

  public boolean hasCode() {
    return !codeHash.equals(EMPTY_CODE_HASH);
  }

  public Account withNonce(long newNonce) {
    return new Account(newNonce, balance, storageRoot, codeHash);
  }

  public Account withBalance(UInt256 newBalance) {
    return new Account(nonce, newBalance, storageRoot, codeHash);
  }

  public Account withStorageRoot(Bytes32 newRoot) {
    return new Account(nonce, balance, newRoot, codeHash);
  }

  public Account withCodeHash(Bytes32 newCodeHash) {
    return new Account(nonce, balance, storageRoot, newCodeHash);
  }

  public void writeTo(RlpWriter writer) {
    writer
        .startList()
        .writeUnsignedLong(nonce)
        .writeUInt256(balance)
        .writeBytes(storageRoot)
        .writeBytes(codeHash)
        .endList();
  }

  /** The RLP encoding stored in the state trie. */
  public Bytes encode() {
    RlpWriter writer = new RlpWriter(80);
    writeTo(writer);
    return writer.toBytes();
  }

  public static Account readFrom(RlpReader reader) {
    RlpReader fields = reader.readList();
    Account account =
        new Account(
            fields.readUnsignedLong(),
            fields.readUInt256(),
            fields.readBytes32(),
            fields.readBytes32());
    fields.requireEnd();
    return account;
  }

  /**
   * @throws org.drr.node.rlp.RlpException if {@code encoded} is not exactly one account
   */
  public static Account decode(Bytes encoded) {
    return Rlp.decode(encoded, Account::readFrom);
  }
}
