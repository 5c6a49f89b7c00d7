package org.drr.node.rpc.transport;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The mapper used to serialize outgoing messages (never to parse client input). */
final class RpcJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RpcJson() {}
}
