package org.drr.node.rpc.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import org.drr.node.rpc.RpcDispatcher;
import org.drr.node.rpc.RpcException;

/**
 * Collects a request body up to the configured limit and no further. A body declared or found
 * larger is answered with 413 and a JSON-RPC error that names the limit, and the connection is
 * closed: the rest of the body is still on its way and cannot be told apart from a next request.
 * The close lingers ({@link LingeringClose}), so that the client still receives the 413.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
  private final RpcDispatcher dispatcher;

  BodyLimitAggregator(int maxBodyBytes, RpcDispatcher dispatcher) {
    super(maxBodyBytes, true);
    this.dispatcher = dispatcher;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    long declared = HttpUtil.getContentLength(oversized, -1L);
    String message =
        declared > maxContentLength()
            ? "request body of " + declared + " bytes exceeds the limit of " + maxContentLength()
                + " bytes"
            : "request body exceeds the limit of " + maxContentLength() + " bytes";
    ctx.writeAndFlush(
            HttpResponses.jsonError(
                dispatcher,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                RpcException.INVALID_REQUEST,
                message,
                false))
        .addListener(written -> LingeringClose.close(ctx.channel()));
  }
}
