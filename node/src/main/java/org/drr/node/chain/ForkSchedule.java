package org.drr.node.chain;

import org.drr.node.fork.Fork;

/**
 * Which fork governs a block, from the genesis {@code config}: London by block number (it must be
 * active from block 0, as the EVM starts at London), Shanghai and Cancun by timestamp, as Besu
 * schedules them. Prague is refused at load time because this node does not execute it.
 *
 * @param shanghaiTime activation timestamp, or {@link Long#MAX_VALUE} if never
 * @param cancunTime activation timestamp, or {@link Long#MAX_VALUE} if never
 */
public record ForkSchedule(long shanghaiTime, long cancunTime) {
  public ForkSchedule {
    if (cancunTime < shanghaiTime) {
      throw new IllegalArgumentException(
          "cancunTime " + cancunTime + " precedes shanghaiTime " + shanghaiTime);
    }
  }

  /** The fork of a block with this timestamp. */
  public Fork forkAt(long timestamp) {
    if (timestamp >= cancunTime) {
      return Fork.CANCUN;
    }
    if (timestamp >= shanghaiTime) {
      return Fork.SHANGHAI;
    }
    return Fork.LONDON;
  }
}
