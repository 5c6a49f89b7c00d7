package org.drr.node.rpc;

import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.drr.node.types.Address;
import org.drr.node.types.LogsBloom;

/**
 * A block header as the RPC layer reports it: the Ethereum header fields plus the block's hash,
 * which the chain computes under its own rules (QBFT hashes exclude the commit seals). The RPC owns
 * this view so that it does not depend on how the chain stores headers; the backend maps its header
 * onto it.
 *
 * @param hash the block hash the chain uses to identify the block
 * @param ommersHash {@code sha3Uncles}: keccak(rlp([])) on this chain
 * @param beneficiary {@code miner}: the coinbase (the proposer under QBFT)
 * @param mixHash under QBFT the fixed QBFT mix hash; after the merge PREVRANDAO
 * @param nonce the 8-byte header nonce
 * @param baseFeePerGas present from London
 * @param withdrawalsRoot present from Shanghai
 * @param blobGasUsed present from Cancun
 * @param excessBlobGas present from Cancun
 * @param parentBeaconBlockRoot present from Cancun
 */
public record BlockHeaderView(
    Bytes32 hash,
    Bytes32 parentHash,
    Bytes32 ommersHash,
    Address beneficiary,
    Bytes32 stateRoot,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot,
    LogsBloom logsBloom,
    UInt256 difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Bytes32 mixHash,
    Bytes nonce,
    Optional<UInt256> baseFeePerGas,
    Optional<Bytes32> withdrawalsRoot,
    OptionalLong blobGasUsed,
    OptionalLong excessBlobGas,
    Optional<Bytes32> parentBeaconBlockRoot) {}
