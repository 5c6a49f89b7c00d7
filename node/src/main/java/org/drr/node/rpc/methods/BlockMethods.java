package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.TransactionLocation;
import org.drr.node.rpc.json.BlockJson;
import org.drr.node.rpc.json.Hex;
import org.drr.node.rpc.json.ReceiptJson;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.rpc.json.TransactionJson;
import org.drr.node.types.Receipt;
import org.drr.node.types.Transaction;

/**
 * Blocks, transactions and receipts: {@code eth_getBlockBy*}, {@code
 * eth_getBlockTransactionCountBy*}, {@code eth_getTransactionBy*}, {@code
 * eth_getTransactionReceipt} and {@code eth_getBlockReceipts}. Unknown blocks and transactions give
 * a null result, as in geth.
 */
public final class BlockMethods {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChainReader chain;

  public BlockMethods(ChainReader chain) {
    this.chain = chain;
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put("eth_getBlockByNumber", (p, c) -> getBlock(p, byNumber(p)));
    methods.put("eth_getBlockByHash", (p, c) -> getBlock(p, byHash(p)));
    methods.put("eth_getBlockTransactionCountByNumber", (p, c) -> count(p, byNumber(p)));
    methods.put("eth_getBlockTransactionCountByHash", (p, c) -> count(p, byHash(p)));
    methods.put("eth_getTransactionByHash", (p, c) -> getTransactionByHash(p));
    methods.put("eth_getTransactionByBlockNumberAndIndex", (p, c) -> transactionAt(p, byNumber(p)));
    methods.put("eth_getTransactionByBlockHashAndIndex", (p, c) -> transactionAt(p, byHash(p)));
    methods.put("eth_getTransactionReceipt", (p, c) -> getTransactionReceipt(p));
    methods.put("eth_getBlockReceipts", (p, c) -> getBlockReceipts(p));
  }

  private static BlockParameter byNumber(RpcParams params) {
    return BlockParameter.parse("block", params.node(0, "block"));
  }

  private static BlockParameter byHash(RpcParams params) {
    return new BlockParameter.Hash(params.hash(0, "blockHash"));
  }

  private JsonNode getBlock(RpcParams params, BlockParameter block) {
    params.requireCount(2, 2);
    boolean full = params.bool(1, "fullTransactions");
    return chain
        .find(block)
        .<JsonNode>map(b -> BlockJson.block(b, full, chain::sender))
        .orElse(NullNode.getInstance());
  }

  private JsonNode count(RpcParams params, BlockParameter block) {
    params.requireCount(1, 1);
    return chain
        .find(block)
        .<JsonNode>map(b -> TextNode.valueOf(Hex.quantity(b.transactions().size())))
        .orElse(NullNode.getInstance());
  }

  private JsonNode getTransactionByHash(RpcParams params) {
    params.requireCount(1, 1);
    Bytes32 hash = params.hash(0, "transactionHash");
    Optional<TransactionLocation> location = chain.backend().transactionLocation(hash);
    if (location.isPresent()) {
      Optional<BlockView> block = chain.backend().blockByHash(location.get().blockHash());
      if (block.isPresent()) {
        return transactionJson(block.get(), location.get().index());
      }
    }
    return chain
        .backend()
        .pendingTransaction(hash)
        .<JsonNode>map(tx -> TransactionJson.of(tx, chain.sender(tx), Optional.empty()))
        .orElse(NullNode.getInstance());
  }

  private JsonNode transactionAt(RpcParams params, BlockParameter block) {
    params.requireCount(2, 2);
    long index = params.quantity(1, "index");
    Optional<BlockView> found = chain.find(block);
    if (found.isEmpty() || index >= found.get().transactions().size()) {
      return NullNode.getInstance();
    }
    return transactionJson(found.get(), (int) index);
  }

  private JsonNode transactionJson(BlockView block, int index) {
    Transaction tx = block.transactions().get(index);
    var inclusion =
        new TransactionJson.Inclusion(
            block.header().hash(),
            block.number(),
            block.header().timestamp(),
            index,
            block.header().baseFeePerGas());
    return TransactionJson.of(tx, chain.sender(tx), Optional.of(inclusion));
  }

  private JsonNode getTransactionReceipt(RpcParams params) {
    params.requireCount(1, 1);
    Bytes32 hash = params.hash(0, "transactionHash");
    Optional<TransactionLocation> location = chain.backend().transactionLocation(hash);
    if (location.isEmpty()) {
      return NullNode.getInstance();
    }
    Optional<BlockView> block = chain.backend().blockByHash(location.get().blockHash());
    if (block.isEmpty()) {
      return NullNode.getInstance();
    }
    List<Receipt> receipts = chain.receipts(block.get());
    return ReceiptJson.of(chain.minedReceipt(block.get(), receipts, location.get().index(), hash));
  }

  private JsonNode getBlockReceipts(RpcParams params) {
    params.requireCount(1, 1);
    Optional<BlockView> block = chain.find(BlockParameter.parse("block", params.node(0, "block")));
    if (block.isEmpty()) {
      return NullNode.getInstance();
    }
    ArrayNode list = JSON.arrayNode();
    for (ReceiptJson.Mined mined : chain.minedReceipts(block.get(), chain.receipts(block.get()))) {
      list.add(ReceiptJson.of(mined));
    }
    return list;
  }
}
