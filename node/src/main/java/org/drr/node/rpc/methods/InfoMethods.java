package org.drr.node.rpc.methods;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.drr.node.crypto.Keccak256;
import org.drr.node.rpc.RpcBackend;
import org.drr.node.rpc.RpcMethod;
import org.drr.node.rpc.json.Hex;

/**
 * Node and chain identity: {@code web3_*}, {@code net_*}, {@code eth_chainId}, {@code
 * eth_blockNumber}, {@code eth_syncing} (a single-validator node is never syncing) and {@code
 * eth_accounts} (the node holds no user keys, so the list is empty).
 */
public final class InfoMethods {
  /** What {@code web3_clientVersion} reports. */
  public static final String CLIENT_VERSION =
      "drr/v0.1.0/"
          + System.getProperty("os.name", "unknown").toLowerCase().replace(' ', '-')
          + "/java"
          + Runtime.version().feature();

  private final RpcBackend backend;

  public InfoMethods(RpcBackend backend) {
    this.backend = backend;
  }

  public void register(Map<String, RpcMethod> methods) {
    methods.put(
        "web3_clientVersion",
        (p, c) -> {
          p.requireCount(0, 0);
          return TextNode.valueOf(CLIENT_VERSION);
        });
    methods.put(
        "web3_sha3",
        (p, c) -> {
          p.requireCount(1, 1);
          return TextNode.valueOf(Keccak256.hash(p.data(0, "data")).toHexString());
        });
    methods.put(
        "net_version",
        (p, c) -> {
          p.requireCount(0, 0);
          return TextNode.valueOf(Long.toString(backend.chainId()));
        });
    methods.put(
        "net_listening",
        (p, c) -> {
          p.requireCount(0, 0);
          return BooleanNode.TRUE;
        });
    methods.put(
        "net_peerCount",
        (p, c) -> {
          p.requireCount(0, 0);
          return TextNode.valueOf(Hex.quantity(backend.peerCount()));
        });
    methods.put(
        "eth_chainId",
        (p, c) -> {
          p.requireCount(0, 0);
          return TextNode.valueOf(Hex.quantity(backend.chainId()));
        });
    methods.put(
        "eth_blockNumber",
        (p, c) -> {
          p.requireCount(0, 0);
          return TextNode.valueOf(Hex.quantity(backend.headNumber()));
        });
    methods.put(
        "eth_syncing",
        (p, c) -> {
          p.requireCount(0, 0);
          return BooleanNode.FALSE;
        });
    methods.put(
        "eth_accounts",
        (p, c) -> {
          p.requireCount(0, 0);
          return JsonNodeFactory.instance.arrayNode();
        });
  }
}
