package org.drr.node.chain;

import org.apache.tuweni.bytes.Bytes32;

/** Where a transaction was included: block hash and number, and its index in the block. */
public record TransactionLocation(Bytes32 blockHash, long blockNumber, int index) {}
