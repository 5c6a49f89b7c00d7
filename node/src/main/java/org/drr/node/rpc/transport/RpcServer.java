package org.drr.node.rpc.transport;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.drr.node.rpc.RpcDispatcher;

/**
 * The node's JSON-RPC endpoints over one dispatcher: HTTP answered on its event loops, WebSocket
 * on a bounded pool of worker threads. {@link #close()} stops both listeners and then the workers.
 */
public final class RpcServer implements AutoCloseable {
  private final ExecutorService workers;
  private final HttpRpcServer http;
  private final WebSocketRpcServer webSocket;

  /**
   * Starts the enabled listeners.
   *
   * @throws IOException if a port cannot be bound
   */
  public RpcServer(RpcServerConfig config, RpcDispatcher dispatcher) throws IOException {
    this.workers =
        Executors.newFixedThreadPool(config.workerThreads(), RpcThreads.plain("rpc-worker-"));
    HttpRpcServer startedHttp = null;
    try {
      startedHttp = config.httpPort() < 0 ? null : new HttpRpcServer(config, dispatcher);
      this.webSocket =
          config.wsPort() < 0 ? null : new WebSocketRpcServer(config, dispatcher, workers);
    } catch (IOException | RuntimeException e) {
      if (startedHttp != null) {
        startedHttp.close();
      }
      workers.shutdownNow();
      throw e;
    }
    this.http = startedHttp;
  }

  /** The HTTP port, or -1 if HTTP is disabled. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** The WebSocket port, or -1 if WebSocket is disabled. */
  public int webSocketPort() {
    return webSocket == null ? -1 : webSocket.port();
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
    if (webSocket != null) {
      webSocket.close();
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
