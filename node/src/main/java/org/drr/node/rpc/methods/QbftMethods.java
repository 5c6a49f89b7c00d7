package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.types.Address;

/**
 * Besu's {@code qbft_getValidatorsByBlockNumber} and {@code qbft_getValidatorsByBlockHash}: the
 * validator addresses recorded in the block's QBFT extraData.
 */
public final class QbftMethods {
  private final ChainReader chain;

  public QbftMethods(ChainReader chain) {
    this.chain = chain;
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put(
        "qbft_getValidatorsByBlockNumber",
        (p, c) -> validators(p, BlockParameter.parse("block", p.node(0, "block"))));
    methods.put(
        "qbft_getValidatorsByBlockHash",
        (p, c) -> validators(p, new BlockParameter.Hash(p.hash(0, "blockHash"))));
  }

  private JsonNode validators(RpcParams params, BlockParameter parameter) {
    params.requireCount(1, 1);
    BlockView block = chain.require(parameter);
    List<Address> validators =
        chain
            .backend()
            .validatorsAt(block.number())
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcException.SERVER_ERROR,
                        "no validator set recorded for block " + block.number()));
    ArrayNode list = JsonNodeFactory.instance.arrayNode(validators.size());
    validators.forEach(v -> list.add(v.toHexString()));
    return list;
  }
}
