package org.drr.node.rpc.transport;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Bounds what idle or numerous clients can hold: connections beyond the limit are closed as they
 * open (Besu's {@code --rpc-http-max-active-connections} does the same), and a connection that
 * has been silent for the idle timeout is closed (an {@link IdleStateEvent} from the handler in
 * front of this one), so file descriptors cannot be hoarded.
 */
@Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());

  private final int maxConnections;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionGuard(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > maxConnections) {
      LOG.fine(() -> "refusing HTTP JSON-RPC connection from " + ctx.channel().remoteAddress()
          + ": " + maxConnections + " connections are open");
      ctx.close();
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
  }
}
