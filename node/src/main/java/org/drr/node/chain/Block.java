package org.drr.node.chain;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rlp.Rlp;
import org.drr.node.rlp.RlpArrays;
import org.drr.node.rlp.RlpReader;
import org.drr.node.rlp.RlpWriter;
import org.drr.node.trie.InMemoryNodeStore;
import org.drr.node.trie.MerklePatriciaTrie;
import org.drr.node.types.Transaction;
import org.drr.node.types.TransactionDecoder;

/**
 * A block: header and transactions. It has no ommers (QBFT) and, from Shanghai, an empty
 * withdrawals list (present in the body exactly when the header has a withdrawals root).
 */
public record Block(BlockHeader header, List<Transaction> transactions) {
  /** keccak256(rlp([])): the ommers hash of every block without ommers. */
  public static final Bytes32 EMPTY_OMMERS_HASH = Keccak256.hash(Rlp.EMPTY_LIST);

  public Block {
    transactions = List.copyOf(transactions);
  }

  /** The body as stored and sent: {@code rlp([txs, ommers, withdrawals?])}. */
  public Bytes encodeBody() {
    RlpWriter w = new RlpWriter(256 + 200 * transactions.size());
    w.startList().startList();
    for (Transaction tx : transactions) {
      writeTransaction(tx, w);
    }
    w.endList().writeEmptyList();
    if (header.withdrawalsRoot() != null) {
      w.writeEmptyList();
    }
    w.endList();
    return w.toBytes();
  }

  /** The transactions of a body encoded by {@link #encodeBody()}. */
  public static List<Transaction> decodeBody(Bytes body) {
    RlpReader outer = RlpReader.of(body);
    RlpReader fields = outer.readList();
    RlpReader txs = fields.readList();
    List<Transaction> result = new ArrayList<>();
    while (txs.hasNext()) {
      Bytes raw = txs.nextIsList() ? txs.readRaw() : txs.readBytes();
      result.add(TransactionDecoder.decode(raw));
    }
    return result;
  }

  /** The full block encoding {@code rlp([header, txs, ommers, withdrawals?])}. */
  public Bytes encode() {
    RlpWriter w = new RlpWriter(1024 + 200 * transactions.size());
    w.startList();
    header.writeTo(w);
    w.startList();
    for (Transaction tx : transactions) {
      writeTransaction(tx, w);
    }
    w.endList().writeEmptyList();
    if (header.withdrawalsRoot() != null) {
      w.writeEmptyList();
    }
    w.endList();
    return w.toBytes();
  }

  /**
   * The length of {@link #encode()}'s output, computed from the parts' lengths without encoding
   * the block: RPC reports it as every block's {@code size}, and encoding a block of thousands of
   * transactions just to measure it made a fresh block slow to serve.
   */
  public long encodedSize() {
    long txs = 0;
    for (Transaction tx : transactions) {
      int n = tx.encoded().size();
      // a typed envelope is at least two bytes, so it always has a string header
      txs += tx.type() == org.drr.node.types.TransactionType.LEGACY ? n : RlpArrays.stringLength(n);
    }
    // the empty ommers list, and from Shanghai the empty withdrawals list: rlp([]), one byte each
    long body = listLength(txs) + 1 + (header.withdrawalsRoot() != null ? 1 : 0);
    return listLength(header.encode().size() + body);
  }

  private static long listLength(long payload) {
    return RlpArrays.listLength(Math.toIntExact(payload));
  }

  /** A legacy transaction is embedded as its list; a typed one as a string holding its envelope. */
  private static void writeTransaction(Transaction tx, RlpWriter w) {
    if (tx.type() == org.drr.node.types.TransactionType.LEGACY) {
      w.writeRaw(tx.encoded());
    } else {
      w.writeBytes(tx.encoded());
    }
  }

  /** The root of the trie {@code rlp(index) → encoding} over {@code items} (tx or receipt root). */
  public static Bytes32 indexedRoot(List<Bytes> items) {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
    for (int i = 0; i < items.size(); i++) {
      RlpWriter key = new RlpWriter(8);
      key.writeLong(i);
      trie.put(key.toBytes(), items.get(i));
    }
    return trie.rootHash();
  }

  public static Bytes32 transactionsRoot(List<Transaction> txs) {
    return indexedRoot(txs.stream().map(Transaction::encoded).toList());
  }
}
