package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.rpc.BlockView;
import org.drr.node.rpc.RpcException;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.json.Hex;
import org.drr.node.rpc.json.RpcParams;
import org.drr.node.types.Account;
import org.drr.node.types.Address;

/**
 * World-state reads at a block: {@code eth_getBalance}, {@code eth_getCode}, {@code
 * eth_getStorageAt}, {@code eth_getTransactionCount} (with {@code pending} counting the pool) and
 * {@code eth_getProof} (EIP-1186).
 */
public final class StateMethods {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** geth's limit on storage keys per eth_getProof. */
  static final int MAX_PROOF_KEYS = 1024;

  private final ChainReader chain;
  private final StateReader state;

  public StateMethods(ChainReader chain) {
    this.chain = chain;
    this.state = new StateReader(chain.backend());
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put("eth_getBalance", (p, c) -> getBalance(p));
    methods.put("eth_getCode", (p, c) -> getCode(p));
    methods.put("eth_getStorageAt", (p, c) -> getStorageAt(p));
    methods.put("eth_getTransactionCount", (p, c) -> getTransactionCount(p));
    methods.put("eth_getProof", (p, c) -> getProof(p));
  }

  private BlockView block(RpcParams params, int index) {
    return chain.require(
        BlockParameter.parse("block", params.has(index) ? params.node(index, "block") : null));
  }

  private JsonNode getBalance(RpcParams params) {
    params.requireCount(1, 2);
    Address address = params.address(0, "address");
    Bytes32 root = block(params, 1).header().stateRoot();
    BigInteger balance =
        state.account(root, address).map(a -> a.balance().toBigInteger()).orElse(BigInteger.ZERO);
    return TextNode.valueOf(Hex.quantity(balance));
  }

  private JsonNode getCode(RpcParams params) {
    params.requireCount(1, 2);
    Address address = params.address(0, "address");
    Bytes32 root = block(params, 1).header().stateRoot();
    Bytes code = state.account(root, address).map(state::code).orElse(Bytes.EMPTY);
    return TextNode.valueOf(code.toHexString());
  }

  private JsonNode getStorageAt(RpcParams params) {
    params.requireCount(2, 3);
    Address address = params.address(0, "address");
    Bytes32 slot = slot(params.node(1, "slot"));
    Bytes32 root = block(params, 2).header().stateRoot();
    Bytes32 value =
        state.account(root, address).map(a -> state.storage(root, a, slot)).orElse(Bytes32.ZERO);
    return TextNode.valueOf(value.toHexString());
  }

  /** A storage slot as a quantity or 32-byte data (clients send both). */
  static Bytes32 slot(JsonNode node) {
    BigInteger value = Hex.parseBig("slot", RpcParams.textOf("slot", node));
    return Bytes32.leftPad(Bytes.wrap(value.toByteArray()).trimLeadingZeros());
  }

  private JsonNode getTransactionCount(RpcParams params) {
    params.requireCount(1, 2);
    Address address = params.address(0, "address");
    BlockParameter parameter =
        BlockParameter.parse("block", params.has(1) ? params.node(1, "block") : null);
    if (parameter instanceof BlockParameter.Pending) {
      return TextNode.valueOf(Hex.quantity(chain.backend().pendingNonce(address)));
    }
    Bytes32 root = chain.require(parameter).header().stateRoot();
    long nonce = state.account(root, address).map(Account::nonce).orElse(0L);
    return TextNode.valueOf(Hex.quantity(nonce));
  }

  private JsonNode getProof(RpcParams params) {
    params.requireCount(2, 3);
    Address address = params.address(0, "address");
    JsonNode keys = params.node(1, "storageKeys");
    if (!keys.isArray()) {
      throw RpcException.invalidParams("storageKeys must be an array; got " + keys.getNodeType());
    }
    if (keys.size() > MAX_PROOF_KEYS) {
      throw RpcException.limitExceeded(
          "eth_getProof with "
              + keys.size()
              + " storage keys exceeds the limit of "
              + MAX_PROOF_KEYS);
    }
    Bytes32 root = block(params, 2).header().stateRoot();
    Account account = state.account(root, address).orElse(Account.EMPTY);
    ObjectNode result = JSON.objectNode();
    result.put("address", address.toHexString());
    result.set("accountProof", nodes(state.accountProof(root, address)));
    result.put("balance", Hex.quantity(account.balance()));
    result.put("codeHash", account.codeHash().toHexString());
    result.put("nonce", Hex.quantity(account.nonce()));
    result.put("storageHash", account.storageRoot().toHexString());
    ArrayNode storageProof = result.putArray("storageProof");
    for (JsonNode key : keys) {
      Bytes32 slot = slot(key);
      ObjectNode entry = storageProof.addObject();
      entry.put("key", key.textValue());
      entry.put("value", Hex.quantity(StateReader.toQuantity(state.storage(root, account, slot))));
      entry.set("proof", nodes(state.storageProof(root, account, slot)));
    }
    return result;
  }

  private static ArrayNode nodes(List<Bytes> proof) {
    ArrayNode list = JSON.arrayNode(proof.size());
    proof.forEach(node -> list.add(node.toHexString()));
    return list;
  }
}
