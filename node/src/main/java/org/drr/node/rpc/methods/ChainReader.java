package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.ChainListener;
import org.drr.node.rpc.LogEntry;
import org.drr.node.rpc.RpcBackend;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.json.LogJson;
import org.drr.node.rpc.json.ReceiptJson;
import org.drr.node.storage.LruCache;
import org.drr.node.types.Address;
import org.drr.node.types.Log;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * The RPC's read side of the chain: resolves block parameters, recovers senders once (an LRU cache
 * keyed by transaction hash, because recovery costs an elliptic-curve operation per transaction),
 * and derives receipt fields and log positions from a block and its receipts.
 *
 * <p>As a {@link ChainListener} it also keeps the sender the pool recovered when it admitted a
 * transaction, so the receipt a client polls for right after submitting is answered without a
 * second recovery.
 */
public final class ChainReader implements ChainListener {
  private final RpcBackend backend;
  private final LruCache<Bytes32, Address> senders = new LruCache<>(16_384);

  public ChainReader(RpcBackend backend) {
    this.backend = backend;
  }

  public RpcBackend backend() {
    return backend;
  }

  /** The block {@code parameter} names, or empty if there is none. */
  public Optional<BlockView> find(BlockParameter parameter) {
    if (parameter instanceof BlockParameter.Hash hash) {
      return backend.blockByHash(hash.hash());
    }
    long number = parameter.number(backend.headNumber()).orElseThrow();
    return backend.blockByNumber(number);
  }

  /**
   * The block {@code parameter} names.
   *
   * @throws RpcException -32000 "header not found" (geth's wording) if there is none
   */
  public BlockView require(BlockParameter parameter) {
    return find(parameter)
        .orElseThrow(
            () ->
                new RpcException(
                    RpcException.SERVER_ERROR, "header not found: " + describe(parameter)));
  }

  private static String describe(BlockParameter parameter) {
    return switch (parameter) {
      case BlockParameter.Hash h -> "block hash " + h.hash().toHexString();
      case BlockParameter.Number n -> "block number " + n.number();
      default -> parameter.getClass().getSimpleName().toLowerCase();
    };
  }

  public Address sender(Transaction tx) {
    return sender(tx, tx.hash());
  }

  @Override
  public void onPendingTransaction(Transaction transaction, Bytes32 hash, Address sender) {
    senders.put(hash, sender);
  }

  /** {@link #sender(Transaction)} when the caller already has the transaction's hash. */
  public Address sender(Transaction tx, Bytes32 hash) {
    Address cached = senders.get(hash);
    if (cached != null) {
      return cached;
    }
    Address sender = tx.sender();
    senders.put(hash, sender);
    return sender;
  }

  /** The block's receipts. */
  public List<Receipt> receipts(BlockView block) {
    List<Receipt> receipts =
        backend
            .receipts(block.header().hash())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "backend has block " + block.number() + " but not its receipts"));
    if (receipts.size() != block.transactions().size()) {
      throw new IllegalStateException(
          "block "
              + block.number()
              + " has "
              + block.transactions().size()
              + " transactions but "
              + receipts.size()
              + " receipts");
    }
    return receipts;
  }

  /** Every receipt of {@code block} with its derived fields. */
  public List<ReceiptJson.Mined> minedReceipts(BlockView block, List<Receipt> receipts) {
    List<ReceiptJson.Mined> result = new ArrayList<>(receipts.size());
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      result.add(mined(block, receipts, i, block.transactions().get(i).hash(), logIndex));
      logIndex += receipts.get(i).logs().size();
    }
    return result;
  }

  /**
   * The receipt of the transaction at {@code index}, whose hash the caller knows, with its derived
   * fields. Costs that one transaction (its sender, its logs), not the block: clients poll
   * receipts one by one, and blocks here hold thousands of transactions.
   */
  public ReceiptJson.Mined minedReceipt(BlockView block, List<Receipt> receipts, int index, Bytes32 hash) {
    int logIndex = 0;
    for (int i = 0; i < index; i++) {
      logIndex += receipts.get(i).logs().size();
    }
    return mined(block, receipts, index, hash, logIndex);
  }

  private ReceiptJson.Mined mined(
      BlockView block, List<Receipt> receipts, int i, Bytes32 txHash, int firstLogIndex) {
    Transaction tx = block.transactions().get(i);
    Receipt receipt = receipts.get(i);
    Address sender = sender(tx, txHash);
    List<LogEntry> logs = new ArrayList<>(receipt.logs().size());
    int logIndex = firstLogIndex;
    for (Log log : receipt.logs()) {
      logs.add(new LogEntry(log, block.number(), block.header().hash(), txHash, i, logIndex++));
    }
    Address created = tx.isContractCreation() ? Address.contractAddress(sender, tx.nonce()) : null;
    long previousCumulative = i == 0 ? 0 : receipts.get(i - 1).cumulativeGasUsed();
    return new ReceiptJson.Mined(
        block.header(), i, tx, sender, receipt, receipt.cumulativeGasUsed() - previousCumulative,
        created, logs);
  }

  /**
   * Logs as JSON, each with its block's timestamp (looked up once per block of the list).
   *
   * @throws IllegalStateException if a log names a block the backend does not have
   */
  public ArrayNode logsJson(List<LogEntry> entries) {
    Map<Bytes32, Long> timestamps = new HashMap<>();
    return LogJson.list(
        entries,
        hash ->
            timestamps.computeIfAbsent(
                hash,
                h ->
                    backend
                        .blockByHash(h)
                        .orElseThrow(() -> new IllegalStateException("log of unknown block " + h))
                        .header()
                        .timestamp()));
  }

  /** All logs of {@code block} with their positions. */
  public List<LogEntry> logs(BlockView block, List<Receipt> receipts) {
    List<LogEntry> entries = new ArrayList<>();
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Bytes32 txHash = block.transactions().get(i).hash();
      for (Log log : receipts.get(i).logs()) {
        entries.add(
            new LogEntry(log, block.number(), block.header().hash(), txHash, i, logIndex++));
      }
    }
    return entries;
  }
}
