package org.drr.cli.account;

/**
 * The scrypt cost used to encrypt a keystore. STANDARD (n=262144) is Web3j's and geth's default
 * for real keys; LIGHT (n=4096) unlocks in milliseconds and is meant for dev-chain and test keys.
 */
public enum Kdf {
  STANDARD,
  LIGHT
}
