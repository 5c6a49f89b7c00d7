package org.drr.node.chain;

import org.apache.tuweni.bytes.Bytes32;

/**
 * The consensus rule that names a block: the hash other blocks use as their parent hash and that
 * every index refers to. Plain Ethereum hashes the whole header; QBFT leaves the commit seals
 * (and the round) out of {@code extraData} so a block's hash is known before it is sealed.
 */
@FunctionalInterface
public interface BlockHashing {
  Bytes32 hash(BlockHeader header);
}
