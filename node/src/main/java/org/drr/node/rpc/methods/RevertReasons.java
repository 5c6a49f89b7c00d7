package org.drr.node.rpc.methods;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.rpc.RpcException;

/**
 * Turns revert data into the error clients expect: code 3, message {@code execution reverted} with
 * the decoded reason for Solidity's {@code Error(string)} and {@code Panic(uint256)}, and the raw
 * revert data (custom errors included) as hex in {@code error.data}.
 */
public final class RevertReasons {
  private static final Bytes ERROR_SELECTOR = Bytes.fromHexString("0x08c379a0");
  private static final Bytes PANIC_SELECTOR = Bytes.fromHexString("0x4e487b71");

  private RevertReasons() {}

  static RpcException toException(Bytes revertData) {
    String message =
        decode(revertData)
            .map(reason -> "execution reverted: " + reason)
            .orElse("execution reverted");
    return new RpcException(RpcException.EXECUTION_REVERTED, message, revertData.toHexString());
  }

  /** The reason of an {@code Error(string)} or {@code Panic(uint256)} revert, if well formed. */
  public static Optional<String> decode(Bytes data) {
    if (data.size() == 4 + 32 && data.slice(0, 4).equals(PANIC_SELECTOR)) {
      BigInteger code = data.slice(4, 32).toUnsignedBigInteger();
      return Optional.of("panic: 0x" + code.toString(16));
    }
    if (data.size() < 4 + 64 || !data.slice(0, 4).equals(ERROR_SELECTOR)) {
      return Optional.empty();
    }
    BigInteger offset = data.slice(4, 32).toUnsignedBigInteger();
    if (offset.compareTo(BigInteger.valueOf(data.size())) >= 0) {
      return Optional.empty();
    }
    int start = 4 + offset.intValueExact();
    if (start + 32 > data.size()) {
      return Optional.empty();
    }
    BigInteger length = data.slice(start, 32).toUnsignedBigInteger();
    if (length.compareTo(BigInteger.valueOf(data.size() - start - 32)) > 0) {
      return Optional.empty();
    }
    byte[] text = data.slice(start + 32, length.intValueExact()).toArrayUnsafe();
    return Optional.of(new String(text, StandardCharsets.UTF_8));
  }
}
