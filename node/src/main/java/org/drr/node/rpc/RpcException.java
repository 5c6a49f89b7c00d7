package org.drr.node.rpc;

/**
 * A JSON-RPC error to return to the client: the code, a specific message and optional {@code data}
 * (for reverts, the revert data as hex). Methods throw it; the dispatcher turns it into the
 * response's {@code error} object.
 */
public class RpcException extends RuntimeException {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** geth's and Besu's code for a rejected transaction or a failed server-side operation. */
  public static final int SERVER_ERROR = -32000;

  /** A request that exceeds a configured limit (Besu, Infura). */
  public static final int LIMIT_EXCEEDED = -32005;

  /** Execution reverted, with the revert data in {@code data} (geth and Besu convention). */
  public static final int EXECUTION_REVERTED = 3;

  private final int code;
  private final String data;

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  /**
   * @param data the {@code error.data} value (a hex string), or null for none
   */
  public RpcException(int code, String message, String data) {
    super(message);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  /** The {@code error.data} value, or null. */
  public String data() {
    return data;
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(INVALID_PARAMS, "invalid params: " + message);
  }

  public static RpcException limitExceeded(String message) {
    return new RpcException(LIMIT_EXCEEDED, message);
  }
}
