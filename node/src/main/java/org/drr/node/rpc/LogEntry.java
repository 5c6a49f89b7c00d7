package org.drr.node.rpc;

import org.apache.tuweni.bytes.Bytes32;
import org.drr.node.types.Log;

/**
 * A log with its position in the chain, as {@code eth_getLogs} reports it.
 *
 * @param logIndex index of the log in its block (counted across all the block's receipts)
 * @param transactionIndex index of the emitting transaction in the block
 */
public record LogEntry(
    Log log,
    long blockNumber,
    Bytes32 blockHash,
    Bytes32 transactionHash,
    int transactionIndex,
    int logIndex) {}
