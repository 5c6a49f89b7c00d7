package org.drr.node.rpc.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.drr.node.rpc.RpcConnection;
import org.drr.node.rpc.RpcDispatcher;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * JSON-RPC over WebSocket with the same dispatcher as HTTP, plus server-initiated notifications for
 * {@code eth_subscribe}. Messages larger than the body limit are refused by the frame decoder
 * (close code 1009); connections beyond the configured maximum are closed at once (1013).
 */
public final class WebSocketRpcServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebSocketRpcServer.class.getName());

  /** Unsent messages a connection may accumulate before it is closed as a slow consumer. */
  static final int MAX_QUEUED_MESSAGES = 10_000;

  /** How often queued but unsignalled outgoing messages are looked for (see {@link #flush}). */
  private static final long FLUSH_INTERVAL_MILLIS = 20;

  private final Server server;
  private final CountDownLatch started = new CountDownLatch(1);
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(RpcThreads.plain("rpc-ws-flush-"));

  /** Binds and starts the server; returns once it listens. */
  public WebSocketRpcServer(
      RpcServerConfig config, RpcDispatcher dispatcher, ExecutorService workers) {
    int maxFrame = dispatcher.limits().maxBodyBytes();
    Draft draft = new Draft_6455(List.of(), List.of(new Protocol("")), maxFrame);
    this.server =
        new Server(
            new InetSocketAddress(config.host(), config.wsPort()),
            List.of(draft),
            config,
            dispatcher,
            workers);
    server.setReuseAddr(true);
    server.setDaemon(true);
    server.start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "WebSocket server did not start on "
                + config.host()
                + ":"
                + config.wsPort()
                + " within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the WebSocket server", e);
    }
    if (server.failure != null) {
      flusher.shutdownNow();
      throw new IllegalStateException(
          "WebSocket server failed to start on "
              + config.host()
              + ":"
              + config.wsPort()
              + ": "
              + server.failure.getMessage(),
          server.failure);
    }
    flusher.scheduleWithFixedDelay(
        this::flush, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Re-signals write demand for connections whose outgoing queue is not empty. Java-WebSocket 1.5.6
   * has a lost-wakeup race: its selector thread drains a connection's queue and then sets the key's
   * interest back to READ, so a message queued from another thread (our workers) in between has its
   * WRITE interest overwritten and waits until the next send. Responses would then stall; looking
   * again every few milliseconds bounds that stall.
   */
  private void flush() {
    try {
      for (WebSocket socket : server.getConnections()) {
        if (socket instanceof WebSocketImpl impl && impl.isOpen() && !impl.outQueue.isEmpty()) {
          server.onWriteDemand(socket);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "WebSocket flush check failed", e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public int connectionCount() {
    return server.getConnections().size();
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One client's connection, as the RPC methods see it. */
  private static final class Connection implements RpcConnection {
    private final WebSocket socket;
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean closed;

    Connection(WebSocket socket) {
      this.socket = socket;
    }

    @Override
    public boolean canNotify() {
      return true;
    }

    @Override
    public void notify(JsonNode message) {
      if (!socket.isOpen()) {
        return;
      }
      // A client that stops reading must not make the node buffer notifications without bound.
      if (socket instanceof WebSocketImpl impl && impl.outQueue.size() >= MAX_QUEUED_MESSAGES) {
        socket.close(
            CloseFrame.POLICY_VALIDATION,
            "client too slow: " + MAX_QUEUED_MESSAGES + " messages waiting to be sent");
        return;
      }
      try {
        socket.send(RpcJson.MAPPER.writeValueAsString(message));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialize a notification", e);
      } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
        // closed between the check and the send: the subscription ends with the connection
      }
    }

    @Override
    public void onClose(Runnable action) {
      boolean runNow;
      synchronized (this) {
        runNow = closed;
        if (!closed) {
          closeActions.add(action);
        }
      }
      if (runNow) {
        action.run();
      }
    }

    void closed() {
      List<Runnable> actions;
      synchronized (this) {
        closed = true;
        actions = List.copyOf(closeActions);
        closeActions.clear();
      }
      actions.forEach(Runnable::run);
    }
  }

  private final class Server extends WebSocketServer {
    private final RpcServerConfig config;
    private final RpcDispatcher dispatcher;
    private final ExecutorService workers;
    private final AtomicInteger open = new AtomicInteger();
    private volatile Exception failure;

    Server(
        InetSocketAddress address,
        List<Draft> drafts,
        RpcServerConfig config,
        RpcDispatcher dispatcher,
        ExecutorService workers) {
      super(address, drafts);
      this.config = config;
      this.dispatcher = dispatcher;
      this.workers = workers;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
      String host = handshake.getFieldValue("Host");
      String origin = handshake.getFieldValue("Origin");
      if (!config.isHostAllowed(host.isEmpty() ? null : host)) {
        socket.close(CloseFrame.POLICY_VALIDATION, "Host " + host + " is not allowed");
        return;
      }
      if (!origin.isEmpty() && !config.isOriginAllowed(origin)) {
        socket.close(CloseFrame.POLICY_VALIDATION, "origin " + origin + " is not allowed");
        return;
      }
      if (open.incrementAndGet() > dispatcher.limits().maxWebSocketConnections()) {
        open.decrementAndGet();
        socket.close(
            CloseFrame.TRY_AGAIN_LATER,
            "too many connections (limit " + dispatcher.limits().maxWebSocketConnections() + ")");
        return;
      }
      socket.setAttachment(new Connection(socket));
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
      Connection connection = socket.getAttachment();
      if (connection != null) {
        open.decrementAndGet();
        connection.closed();
      }
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
      handle(socket, message.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
      byte[] bytes = new byte[message.remaining()];
      message.get(bytes);
      handle(socket, bytes);
    }

    private void handle(WebSocket socket, byte[] body) {
      Connection connection = socket.getAttachment();
      if (connection == null) {
        return;
      }
      try {
        workers.execute(
            () -> {
              byte[] answer = dispatcher.handle(body, connection);
              if (answer != null && socket.isOpen()) {
                socket.send(new String(answer, StandardCharsets.UTF_8));
              }
            });
      } catch (RejectedExecutionException e) {
        socket.close(CloseFrame.GOING_AWAY, "server shutting down");
      }
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
      if (socket == null) {
        failure = e;
        started.countDown();
        return;
      }
      LOG.log(Level.FINE, "WebSocket error from " + socket.getRemoteSocketAddress(), e);
    }

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
