package org.drr.node.chain;

import java.math.BigInteger;

/**
 * Transaction pool limits (Besu's option names in brackets).
 *
 * @param maxTransactions pool capacity [tx-pool-max-size]
 * @param maxFutureNonces how far past the end of its consecutive pending run a sender may queue
 *     [tx-pool-max-future-by-sender]
 * @param minGasPrice the lowest fee cap accepted, in wei [min-gas-price]
 * @param priceBumpPercent how much higher both fee caps of a replacement must be
 *     [tx-pool-price-bump]
 * @param maxTransactionBytes largest accepted encoding (geth's 128 KiB)
 */
public record PoolOptions(
    int maxTransactions, int maxFutureNonces, BigInteger minGasPrice, int priceBumpPercent, int maxTransactionBytes) {
  public static final PoolOptions DEFAULT = new PoolOptions(4096, 200, BigInteger.ZERO, 10, 128 * 1024);

  public PoolOptions {
    if (maxTransactions < 1 || maxFutureNonces < 1 || priceBumpPercent < 0 || maxTransactionBytes < 1) {
      throw new IllegalArgumentException(
          "pool limits must be positive: size " + maxTransactions + ", future nonces " + maxFutureNonces
              + ", price bump " + priceBumpPercent + ", bytes " + maxTransactionBytes);
    }
    if (minGasPrice.signum() < 0) {
      throw new IllegalArgumentException("min gas price must be non-negative, got " + minGasPrice);
    }
  }

  public PoolOptions withMinGasPrice(BigInteger price) {
    return new PoolOptions(maxTransactions, maxFutureNonces, price, priceBumpPercent, maxTransactionBytes);
  }

  public PoolOptions withMaxTransactions(int n) {
    return new PoolOptions(n, maxFutureNonces, minGasPrice, priceBumpPercent, maxTransactionBytes);
  }
}
