package org.drr.node.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose client may still be sending, without losing the answer just written:
 * a "lingering close", as web servers do it. Closing a socket outright while unread request bytes
 * sit in its receive buffer makes the kernel reset the connection, and a reset can reach the
 * client before it has read the response, which it then never sees (a 413 for an oversized body
 * was lost this way). Instead the server ends its side of the connection, keeps reading and
 * discarding what still arrives, and closes once the client has closed, after {@value
 * #LINGER_MILLIS} ms, or after {@value #MAX_DISCARDED_BYTES} bytes, whichever comes first. Every
 * HTTP response that ends its connection closes this way.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {
  private static final long LINGER_MILLIS = 2_000;
  private static final long MAX_DISCARDED_BYTES = 4L << 20;

  private long discarded;

  private LingeringClose() {}

  /** Ends the server's side of {@code channel}; call it once the last response was written. */
  static void close(Channel channel) {
    if (!(channel instanceof SocketChannel socket) || !channel.isActive()) {
      channel.close();
      return;
    }
    // first in the pipeline: nothing that still arrives is parsed as a request
    channel.pipeline().addFirst(new LingeringClose());
    socket.shutdownOutput().addListener(done -> {
      if (!done.isSuccess()) {
        channel.close();
      }
    });
    Runnable closeNow = channel::close;
    channel.eventLoop().schedule(closeNow, LINGER_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      discarded += bytes.readableBytes();
    }
    ReferenceCountUtil.release(msg);
    if (discarded > MAX_DISCARDED_BYTES) {
      ctx.close();
    }
  }
}
