package org.drr.node.rpc.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.drr.node.rpc.RpcConnection;
import org.drr.node.rpc.RpcDispatcher;
import org.drr.node.rpc.RpcException;

/**
 * Answers one HTTP request: refuses disallowed {@code Host} headers and CORS origins before any
 * parsing, answers CORS preflights, accepts only POST, and hands the body to the dispatcher.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = Logger.getLogger(HttpRpcHandler.class.getName());

  private final RpcServerConfig config;
  private final RpcDispatcher dispatcher;

  HttpRpcHandler(RpcServerConfig config, RpcDispatcher dispatcher) {
    this.config = config;
    this.dispatcher = dispatcher;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      send(ctx, error(HttpResponseStatus.BAD_REQUEST,
          "malformed HTTP request: " + request.decoderResult().cause().getMessage(), false));
      return;
    }
    HttpHeaders headers = request.headers();
    String host = headers.get(HttpHeaderNames.HOST);
    if (!config.isHostAllowed(host)) {
      send(ctx, error(HttpResponseStatus.FORBIDDEN,
          "Host header " + host + " is not allowed", keepAlive));
      return;
    }
    String origin = headers.get(HttpHeaderNames.ORIGIN);
    if (origin != null && !config.isOriginAllowed(origin)) {
      send(ctx, error(HttpResponseStatus.FORBIDDEN,
          "CORS origin " + origin + " is not allowed", keepAlive));
      return;
    }
    FullHttpResponse response;
    if (HttpMethod.OPTIONS.equals(request.method())) {
      response = HttpResponses.of(HttpResponseStatus.NO_CONTENT, null, keepAlive);
      response.headers()
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS")
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Authorization")
          .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
    } else if (!HttpMethod.POST.equals(request.method())) {
      response = error(HttpResponseStatus.METHOD_NOT_ALLOWED,
          "JSON-RPC requests must be POSTed; got " + request.method(), keepAlive);
      response.headers().set(HttpHeaderNames.ALLOW, "POST, OPTIONS");
    } else {
      byte[] body = ByteBufUtil.getBytes(request.content());
      response = HttpResponses.of(HttpResponseStatus.OK,
          dispatcher.handle(body, RpcConnection.HTTP), keepAlive);
    }
    if (origin != null) {
      response.headers()
          .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
          .set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    send(ctx, response);
  }

  private FullHttpResponse error(HttpResponseStatus status, String message, boolean keepAlive) {
    return HttpResponses.jsonError(
        dispatcher, status, RpcException.INVALID_REQUEST, message, keepAlive);
  }

  private static void send(ChannelHandlerContext ctx, FullHttpResponse response) {
    boolean close = !HttpUtil.isKeepAlive(response);
    var written = ctx.writeAndFlush(response);
    if (close) {
      // a malformed request may leave bytes unread, which an outright close turns into a reset
      written.addListener(done -> LingeringClose.close(ctx.channel()));
    }
  }

  /** A connection reset or a broken client is that connection's end, not the server's. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) {
      LOG.log(Level.FINE, "HTTP JSON-RPC connection from " + ctx.channel().remoteAddress()
          + " failed", cause);
    }
    ctx.close();
  }
}
