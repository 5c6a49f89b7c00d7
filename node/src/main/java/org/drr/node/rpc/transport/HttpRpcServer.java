package org.drr.node.rpc.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.drr.node.rpc.RpcDispatcher;

/**
 * JSON-RPC over HTTP POST on Netty event loops, as Besu's Vert.x server is. Requests are answered
 * on the event loop that read them: an RPC call is short (execution is bounded by gas and the
 * {@link org.drr.node.rpc.RpcLimits}), and answering in place saves the hand-offs to and from a
 * worker pool on every call, which a two-core validator feels under load. Responses on one
 * connection therefore leave in request order, as HTTP/1.1 pipelining requires. The loops are
 * deep-stack threads so that {@code eth_call} and traces run on them without another hand-off; a
 * slow call holds up only the connections sharing its loop. They run below block production's
 * priority ({@link RpcThreads}).
 */
public final class HttpRpcServer implements AutoCloseable {
  static {
    // Netty 4.1 reaches for sun.misc.Unsafe, and JDK 24+ prints a warning to the operator's console
    // at its first use. Its portable buffers are fast enough for JSON bodies of a few kilobytes.
    if (System.getProperty("io.netty.noUnsafe") == null) {
      System.setProperty("io.netty.noUnsafe", "true");
    }
  }

  /** Longest request line and header block accepted; Besu's Vert.x defaults are of this size. */
  private static final int MAX_INITIAL_LINE = 4096;

  private static final int MAX_HEADER_BYTES = 8192;

  /** A connection silent this long is closed, as the JDK's HTTP server did before. */
  static final int IDLE_SECONDS = 30;

  private final EventLoopGroup acceptor;
  private final EventLoopGroup loops;
  private final Channel channel;

  /**
   * Binds and starts the server.
   *
   * @throws IOException if the port cannot be bound
   */
  public HttpRpcServer(RpcServerConfig config, RpcDispatcher dispatcher) throws IOException {
    this(config, dispatcher, IDLE_SECONDS);
  }

  /** As {@link #HttpRpcServer(RpcServerConfig, RpcDispatcher)}, with the idle timeout given. */
  HttpRpcServer(RpcServerConfig config, RpcDispatcher dispatcher, int idleSeconds)
      throws IOException {
    this.acceptor = new NioEventLoopGroup(1, RpcThreads.deepStack("rpc-http-accept-"));
    this.loops = new NioEventLoopGroup(config.workerThreads(), RpcThreads.deepStack("rpc-http-"));
    int maxBody = dispatcher.limits().maxBodyBytes();
    ConnectionGuard guard = new ConnectionGuard(config.maxHttpConnections());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptor, loops)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS))
                        .addLast(guard)
                        .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192))
                        .addLast(new BodyLimitAggregator(maxBody, dispatcher))
                        .addLast(new HttpRpcHandler(config, dispatcher));
                  }
                });
    try {
      this.channel =
          bootstrap.bind(new InetSocketAddress(config.host(), config.httpPort())).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutDownLoops();
      throw new IOException("interrupted while binding the HTTP JSON-RPC port", e);
    } catch (RuntimeException e) {
      shutDownLoops();
      throw new IOException(
          "cannot listen for HTTP JSON-RPC on " + config.host() + ":" + config.httpPort() + ": "
              + e.getMessage(), e);
    }
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops accepting connections and gives running requests up to a second to finish. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    shutDownLoops();
  }

  private void shutDownLoops() {
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
