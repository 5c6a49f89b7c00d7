package org.drr.node.chain;

/**
 * The genesis {@code config.qbft} section (Besu's names).
 *
 * @param blockPeriodSeconds target seconds between blocks ({@code blockperiodseconds})
 * @param epochLength blocks per epoch, after which pending votes are reset ({@code epochlength})
 * @param requestTimeoutSeconds round timeout ({@code requesttimeoutseconds})
 * @param emptyBlockPeriodSeconds if set, the longer period used when there are no transactions
 *     ({@code emptyblockperiodseconds}, Besu 24.x); 0 means none
 */
public record QbftOptions(
    long blockPeriodSeconds, long epochLength, long requestTimeoutSeconds, long emptyBlockPeriodSeconds) {
  public QbftOptions {
    if (blockPeriodSeconds < 1) {
      throw new IllegalArgumentException(
          "qbft.blockperiodseconds must be at least 1, got " + blockPeriodSeconds);
    }
    if (epochLength < 1) {
      throw new IllegalArgumentException("qbft.epochlength must be at least 1, got " + epochLength);
    }
  }
}
