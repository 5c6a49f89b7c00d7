package org.drr.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.drr.node.rpc.BlockHeaderView;
import org.drr.node.rpc.BlockView;
import org.drr.node.types.Address;
import org.drr.node.types.Transaction;

/**
 * Blocks and headers in geth's JSON shape ({@code eth_getBlockBy*}, {@code newHeads}). Fork fields
 * ({@code baseFeePerGas}, {@code withdrawalsRoot}, blob gas, {@code parentBeaconBlockRoot}) appear
 * only when the header has them.
 */
public final class BlockJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BlockJson() {}

  /** The header fields, as the {@code newHeads} subscription sends them. */
  public static ObjectNode header(BlockHeaderView h) {
    ObjectNode node = JSON.objectNode();
    node.put("number", Hex.quantity(h.number()));
    node.put("hash", h.hash().toHexString());
    node.put("parentHash", h.parentHash().toHexString());
    node.put("nonce", h.nonce().toHexString());
    node.put("mixHash", h.mixHash().toHexString());
    node.put("sha3Uncles", h.ommersHash().toHexString());
    node.put("logsBloom", h.logsBloom().bytes().toHexString());
    node.put("transactionsRoot", h.transactionsRoot().toHexString());
    node.put("stateRoot", h.stateRoot().toHexString());
    node.put("receiptsRoot", h.receiptsRoot().toHexString());
    node.put("miner", h.beneficiary().toHexString());
    node.put("difficulty", Hex.quantity(h.difficulty()));
    node.put("extraData", h.extraData().toHexString());
    node.put("gasLimit", Hex.quantity(h.gasLimit()));
    node.put("gasUsed", Hex.quantity(h.gasUsed()));
    node.put("timestamp", Hex.quantity(h.timestamp()));
    h.baseFeePerGas().ifPresent(fee -> node.put("baseFeePerGas", Hex.quantity(fee)));
    h.withdrawalsRoot().ifPresent(root -> node.put("withdrawalsRoot", root.toHexString()));
    h.blobGasUsed().ifPresent(gas -> node.put("blobGasUsed", Hex.quantity(gas)));
    h.excessBlobGas().ifPresent(gas -> node.put("excessBlobGas", Hex.quantity(gas)));
    h.parentBeaconBlockRoot()
        .ifPresent(root -> node.put("parentBeaconBlockRoot", root.toHexString()));
    return node;
  }

  /**
   * A whole block.
   *
   * @param fullTransactions objects (true) or hashes (false) under {@code transactions}
   * @param sender recovers (or looks up) a transaction's sender
   */
  public static ObjectNode block(
      BlockView block, boolean fullTransactions, Function<Transaction, Address> sender) {
    BlockHeaderView h = block.header();
    ObjectNode node = header(h);
    node.put("size", Hex.quantity(block.size()));
    // QBFT has no proof-of-work: every block adds difficulty 1 (Besu's convention).
    node.put("totalDifficulty", Hex.quantity(h.number() + 1));
    node.putArray("uncles");
    ArrayNode txs = node.putArray("transactions");
    List<Transaction> transactions = block.transactions();
    for (int i = 0; i < transactions.size(); i++) {
      Transaction tx = transactions.get(i);
      if (fullTransactions) {
        txs.add(
            TransactionJson.of(
                tx,
                sender.apply(tx),
                Optional.of(
                    new TransactionJson.Inclusion(
                        h.hash(), h.number(), h.timestamp(), i, h.baseFeePerGas()))));
      } else {
        txs.add(tx.hash().toHexString());
      }
    }
    if (h.withdrawalsRoot().isPresent()) {
      node.putArray("withdrawals");
    }
    return node;
  }
}
