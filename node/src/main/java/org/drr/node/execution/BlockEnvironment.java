package org.drr.node.execution;

import java.math.BigInteger;
import java.util.function.LongFunction;
import org.drr.node.state.Word256;
import org.drr.node.types.Address;

/**
 * The block a transaction executes in, as the EVM sees it.
 *
 * @param coinbase receives the priority fees
 * @param number block number
 * @param timestamp seconds since the epoch
 * @param gasLimit block gas limit (a transaction's gas limit may not exceed it)
 * @param baseFee EIP-1559 base fee per gas; zero on a free-gas permissioned chain
 * @param prevRandao PREVRANDAO (EIP-4399), the difficulty field before the merge
 * @param chainId CHAINID (EIP-1344)
 * @param blobBaseFee BLOBBASEFEE (EIP-7516)
 * @param blockHashes hash of an earlier block by number (BLOCKHASH looks back 256 blocks; the
 *     function is only asked for numbers in that window)
 */
public record BlockEnvironment(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    BigInteger baseFee,
    Word256 prevRandao,
    long chainId,
    BigInteger blobBaseFee,
    LongFunction<Word256> blockHashes) {}
