package org.drr.node.rpc;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.drr.node.types.Address;
import org.drr.node.types.Log;

/**
 * The result of executing a message (a simulation or a replayed transaction).
 *
 * @param success whether execution completed without revert or exceptional halt
 * @param reverted whether it ended with REVERT (then {@code output} is the revert data)
 * @param output RETURN data, or REVERT data
 * @param gasUsed gas charged including intrinsic gas, after refunds
 * @param failure why it failed ("reverted", "out of gas", ...), or null on success
 * @param contractAddress the created contract for a successful creation, else null
 * @param logs the logs a successful execution emitted
 */
public record CallOutcome(
    boolean success,
    boolean reverted,
    Bytes output,
    long gasUsed,
    String failure,
    Address contractAddress,
    List<Log> logs) {
  public CallOutcome {
    logs = List.copyOf(logs);
  }
}
