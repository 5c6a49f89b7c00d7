package org.drr.node.rpc;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.crypto.Keccak256;
import org.drr.node.types.Address;

/** The hand-assembled contracts the RPC tests deploy. */
final class Contracts {
  /** The topic the store contract logs with. */
  static final Bytes32 STORED_TOPIC =
      Keccak256.hash(Bytes.wrap("Stored(uint256)".getBytes(StandardCharsets.US_ASCII)));

  private Contracts() {}

  /**
   * With call data: stores word 0 of the data in slot 0, logs it with {@link #STORED_TOPIC} and
   * returns it. Without call data: reverts with {@code Error("nope")}.
   */
  static Bytes store() {
    return new Bytecode()
        .op(0x36, 0x15) // CALLDATASIZE ISZERO
        .pushLabel("revert")
        .op(0x57) // JUMPI
        .push(0)
        .op(0x35) // CALLDATALOAD
        .op(0x80) // DUP1
        .push(0)
        .op(0x55) // SSTORE
        .push(0)
        .op(0x52) // MSTORE
        .push(STORED_TOPIC)
        .push(32)
        .push(0)
        .op(0xa1) // LOG1
        .push(32)
        .push(0)
        .op(0xf3) // RETURN
        .label("revert")
        .push(Bytes.fromHexString("0x08c379a0"))
        .push(224)
        .op(0x1b) // SHL: selector in the top 4 bytes
        .push(0)
        .op(0x52)
        .push(0x20)
        .push(4)
        .op(0x52)
        .push(4)
        .push(0x24)
        .op(0x52)
        .push(Bytes.wrap("nope".getBytes(StandardCharsets.US_ASCII)))
        .push(224)
        .op(0x1b)
        .push(0x44)
        .op(0x52)
        .push(0x64)
        .push(0)
        .op(0xfd) // REVERT
        .build();
  }

  /**
   * Forwards its call data to {@code target} with CALL and returns the first 32 bytes back; reverts
   * (without data) if the inner call failed.
   */
  static Bytes forwarder(Address target) {
    return new Bytecode()
        .op(0x36) // CALLDATASIZE
        .push(0)
        .push(0)
        .op(0x37) // CALLDATACOPY
        .push(32) // retSize
        .push(0) // retOffset
        .op(0x36) // argsSize
        .push(0) // argsOffset
        .push(0) // value
        .push(target.bytes())
        .op(0x5a) // GAS
        .op(0xf1) // CALL
        .op(0x15) // ISZERO
        .pushLabel("failed")
        .op(0x57) // JUMPI
        .push(32)
        .push(0)
        .op(0xf3)
        .label("failed")
        .push(0)
        .push(0)
        .op(0xfd) // REVERT
        .build();
  }
}
