package org.drr.node.chain;

/**
 * One log-topic index entry: the log is the {@code logIndex}-th log of transaction {@code
 * txIndex} in block {@code blockNumber}, and the indexed topic is at {@code topicPosition} (0..3).
 */
public record LogPointer(long blockNumber, int txIndex, int logIndex, int topicPosition) {}
