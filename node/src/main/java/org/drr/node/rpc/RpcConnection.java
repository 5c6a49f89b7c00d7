package org.drr.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The client side of one request: HTTP requests have no lasting connection; a WebSocket connection
 * can receive notifications and holds subscriptions that end when it closes.
 */
public interface RpcConnection {
  /** A request over HTTP: it cannot receive notifications. */
  RpcConnection HTTP =
      new RpcConnection() {
        @Override
        public boolean canNotify() {
          return false;
        }

        @Override
        public void notify(JsonNode message) {
          throw new UnsupportedOperationException("HTTP requests cannot receive notifications");
        }

        @Override
        public void onClose(Runnable action) {}
      };

  /** Whether {@link #notify} works (WebSocket). */
  boolean canNotify();

  /** Sends a server-initiated message (a subscription notification); drops it once closed. */
  void notify(JsonNode message);

  /** Runs {@code action} when the connection closes (immediately if it already has). */
  void onClose(Runnable action);
}
