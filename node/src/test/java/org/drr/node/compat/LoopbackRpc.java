package org.drr.node.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.drr.node.rpc.RpcClient;

/**
 * A lean JSON-RPC client for load generation: one kept-alive HTTP/1.1 connection to a loopback
 * port, written and read on the calling thread.
 *
 * <p>Why not {@code java.net.http}'s client, as the tests use: it hands every request between the
 * caller, its selector thread and an executor. On two cores shared with the target, that made the
 * load generator use more CPU per registration than the node it was measuring (docs/benchmarks.md,
 * "A lighter load generator"). Not thread-safe: one per submitting thread.
 */
final class LoopbackRpc implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private int nextId = 1;

  LoopbackRpc(int port) {
    this.port = port;
  }

  /**
   * The result of {@code method}; an RPC error or an HTTP status other than 200 is an {@link
   * IllegalStateException} with the target's message.
   */
  JsonNode call(String method, Object... params) throws IOException {
    byte[] request = MAPPER.writeValueAsBytes(RpcClient.envelope(nextId++, method, params));
    JsonNode response = MAPPER.readTree(exchange(request));
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  private byte[] exchange(byte[] body) throws IOException {
    if (socket == null) {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }
    String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, message, 0, headBytes.length);
    System.arraycopy(body, 0, message, headBytes.length, body.length);
    out.write(message); // one write: one segment for the server to read
    return readResponse();
  }

  private byte[] readResponse() throws IOException {
    String status = readLine();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    int length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Integer.parseInt(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closing = value.contains("close");
        default -> { }
      }
    }
    byte[] body = chunked ? readChunked() : readExactly(length);
    if (closing) {
      close(); // the next call connects again
    }
    if (code != 200) {
      throw new IllegalStateException(
          "HTTP " + code + ": " + new String(body, StandardCharsets.UTF_8));
    }
    return body;
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';'); // chunk extensions are ignored
      int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {} // trailers
        return body.toByteArray();
      }
      body.write(readExactly(size));
      readLine(); // the CRLF after the chunk
    }
  }

  private byte[] readExactly(int length) throws IOException {
    if (length < 0) {
      throw new IOException("response has neither Content-Length nor chunked encoding");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException(
          "connection closed after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  /** A header line without its CRLF. */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed in a response's head");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
