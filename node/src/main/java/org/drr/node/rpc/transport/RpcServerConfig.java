package org.drr.node.rpc.transport;

import java.util.List;

/**
 * Where and for whom the JSON-RPC server listens.
 *
 * @param host interface to bind (Besu's {@code --rpc-http-host}); 127.0.0.1 by default
 * @param httpPort HTTP port; 0 picks a free port; -1 disables HTTP
 * @param wsPort WebSocket port; 0 picks a free port; -1 disables WebSocket
 * @param corsOrigins origins allowed by CORS ("*" for any); empty: browsers are refused
 * @param hostAllowlist accepted {@code Host} header names ("*" for any), against DNS rebinding
 * @param workerThreads threads running requests: HTTP event loops, and WebSocket workers
 * @param maxHttpConnections most open HTTP connections (Besu's {@code
 *     --rpc-http-max-active-connections}); more are closed as they open
 */
public record RpcServerConfig(
    String host,
    int httpPort,
    int wsPort,
    List<String> corsOrigins,
    List<String> hostAllowlist,
    int workerThreads,
    int maxHttpConnections) {
  /** Besu's default {@code --rpc-http-max-active-connections}. */
  public static final int DEFAULT_MAX_HTTP_CONNECTIONS = 80;

  public RpcServerConfig {
    corsOrigins = List.copyOf(corsOrigins);
    hostAllowlist = List.copyOf(hostAllowlist);
    if (httpPort < -1 || httpPort > 65535 || wsPort < -1 || wsPort > 65535) {
      throw new IllegalArgumentException(
          "ports must be -1 (disabled), 0 (any) or 1..65535; got http="
              + httpPort
              + " ws="
              + wsPort);
    }
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be >= 1; got " + workerThreads);
    }
    if (maxHttpConnections < 1) {
      throw new IllegalArgumentException(
          "the HTTP connection limit must be at least 1; got " + maxHttpConnections);
    }
  }

  /** Loopback on free ports, any Host of localhost/127.0.0.1, no CORS: for tests and dev. */
  public static RpcServerConfig loopback() {
    return new RpcServerConfig(
        "127.0.0.1", 0, 0, List.of(), List.of("localhost", "127.0.0.1"), 4,
        DEFAULT_MAX_HTTP_CONNECTIONS);
  }

  public RpcServerConfig withCors(List<String> origins) {
    return new RpcServerConfig(
        host, httpPort, wsPort, origins, hostAllowlist, workerThreads, maxHttpConnections);
  }

  boolean isHostAllowed(String hostHeader) {
    if (hostAllowlist.contains("*")) {
      return true;
    }
    if (hostHeader == null) {
      return false;
    }
    String name = hostHeader;
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      name = end < 0 ? name : name.substring(1, end);
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.lastIndexOf(':'));
    }
    for (String allowed : hostAllowlist) {
      if (allowed.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  boolean isOriginAllowed(String origin) {
    return corsOrigins.contains("*") || corsOrigins.contains(origin);
  }
}
