package org.drr.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.drr.node.rpc.json.RpcParams;

/** One JSON-RPC method: turns params into a result, or throws {@link RpcException}. */
@FunctionalInterface
public interface RpcMethod {
  /**
   * @param connection the client connection the request came on (WebSocket methods use it to push
   *     notifications)
   * @return the {@code result} value (JSON null is a valid result)
   * @throws RpcException for errors the client should see
   */
  JsonNode execute(RpcParams params, RpcConnection connection);
}
