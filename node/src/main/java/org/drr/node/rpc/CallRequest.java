package org.drr.node.rpc;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.types.AccessListEntry;
import org.drr.node.types.Address;

/**
 * A message to simulate ({@code eth_call}, {@code eth_estimateGas}), with the RPC defaults already
 * applied.
 *
 * @param from the sender; the zero address when the caller gave none
 * @param to the callee; empty to simulate a contract creation
 * @param gas the gas limit to run with
 * @param gasPrice the price per gas the sender pays; zero means free, in which case the simulation
 *     also treats the base fee as zero (geth's behaviour, so calls from empty accounts work)
 * @param value wei sent with the message
 * @param data call data, or init code for a creation
 * @param accessList EIP-2930 entries to warm
 */
public record CallRequest(
    Address from,
    Optional<Address> to,
    long gas,
    BigInteger gasPrice,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList) {
  public CallRequest {
    accessList = List.copyOf(accessList);
    if (gas < 0) {
      throw new IllegalArgumentException("gas must not be negative; got " + gas);
    }
  }

  public CallRequest withGas(long newGas) {
    return new CallRequest(from, to, newGas, gasPrice, value, data, accessList);
  }
}
