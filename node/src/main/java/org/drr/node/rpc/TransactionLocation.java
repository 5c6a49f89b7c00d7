package org.drr.node.rpc;

import org.apache.tuweni.bytes.Bytes32;

/** Where a mined transaction is: its block and its index in that block's body. */
public record TransactionLocation(Bytes32 blockHash, long blockNumber, int index) {}
