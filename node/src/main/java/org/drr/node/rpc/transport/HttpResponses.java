package org.drr.node.rpc.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.NullNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.drr.node.rpc.RpcDispatcher;
import org.drr.node.rpc.RpcException;

/** The HTTP responses the JSON-RPC server sends: a body, its length, a date and keep-alive. */
final class HttpResponses {
  private HttpResponses() {}

  /** A response with {@code body} (JSON; null or empty for none). */
  static FullHttpResponse of(HttpResponseStatus status, byte[] body, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            status,
            body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    HttpHeaders headers = response.headers();
    if (body != null && body.length > 0) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
    headers.set(HttpHeaderNames.DATE, HttpDate.now());
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return response;
  }

  /** A response whose body is a JSON-RPC error with a null id (the request was never parsed). */
  static FullHttpResponse jsonError(
      RpcDispatcher dispatcher,
      HttpResponseStatus status,
      int code,
      String message,
      boolean keepAlive) {
    try {
      byte[] body =
          dispatcher
              .mapper()
              .writeValueAsBytes(
                  RpcDispatcher.error(NullNode.getInstance(), new RpcException(code, message)));
      return of(status, body, keepAlive);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize an error response", e);
    }
  }

  /**
   * The {@code Date} header (RFC 9110 asks an origin server with a clock for one), formatted at
   * most once a second rather than on every response.
   */
  private static final class HttpDate {
    /** IMF-fixdate (RFC 9110 section 5.6.7): two-digit day, always GMT. */
    private static final DateTimeFormatter IMF_FIXDATE =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private record Stamp(long second, String text) {}

    private static volatile Stamp last = new Stamp(-1, "");

    static String now() {
      long second = System.currentTimeMillis() / 1000;
      Stamp stamp = last;
      if (stamp.second != second) {
        stamp = new Stamp(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
        last = stamp;
      }
      return stamp.text;
    }
  }
}
