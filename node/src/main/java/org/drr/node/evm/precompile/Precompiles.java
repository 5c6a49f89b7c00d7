package org.drr.node.evm.precompile;

import org.drr.node.fork.Fork;

/**
 * The precompiled contracts at addresses 0x01–0x0a and the fork each appears in. Prices that
 * changed are chosen per fork: modexp from Berlin (EIP-2565), bn254 from Istanbul (EIP-1108).
 */
public final class Precompiles {
  /** Highest precompile address this table knows (0x0a, KZG point evaluation). */
  public static final int MAX_ADDRESS = 10;

  private static final Precompile ECRECOVER = new EcRecover();
  private static final Precompile IDENTITY = new Identity();
  private static final Precompile SHA256 = new Sha256();
  private static final Precompile RIPEMD160 = new Ripemd160();
  private static final Precompile MODEXP_EIP198 = new ModExp(false);
  private static final Precompile MODEXP_EIP2565 = new ModExp(true);
  private static final Precompile BN_ADD_BYZANTIUM = new Bn254Add(Bn254Add.GAS_BYZANTIUM);
  private static final Precompile BN_ADD_ISTANBUL = new Bn254Add(Bn254Add.GAS_ISTANBUL);
  private static final Precompile BN_MUL_BYZANTIUM = new Bn254Mul(Bn254Mul.GAS_BYZANTIUM);
  private static final Precompile BN_MUL_ISTANBUL = new Bn254Mul(Bn254Mul.GAS_ISTANBUL);
  private static final Precompile BN_PAIRING_BYZANTIUM = new Bn254Pairing(
      Bn254Pairing.BASE_GAS_BYZANTIUM, Bn254Pairing.PAIR_GAS_BYZANTIUM);
  private static final Precompile BN_PAIRING_ISTANBUL = new Bn254Pairing(
      Bn254Pairing.BASE_GAS_ISTANBUL, Bn254Pairing.PAIR_GAS_ISTANBUL);

  private static final Precompile BLAKE2F = new Blake2F();
  private static final Precompile POINT_EVALUATION = new PointEvaluation();

  private Precompiles() {}

  /**
   * The precompile at {@code address} (1..10) active at {@code fork}, or {@code null} if there is
   * none there at that fork (e.g. 0x0a before Cancun, 0x09 before Istanbul, any address outside
   * 1..10).
   */
  public static Precompile forAddress(int address, Fork fork) {
    return switch (address) {
      case 1 -> ECRECOVER;
      case 2 -> SHA256;
      case 3 -> RIPEMD160;
      case 4 -> IDENTITY;
      case 5 -> byFork(fork, Fork.BYZANTIUM, MODEXP_EIP198, Fork.BERLIN, MODEXP_EIP2565);
      case 6 -> byFork(fork, Fork.BYZANTIUM, BN_ADD_BYZANTIUM, Fork.ISTANBUL, BN_ADD_ISTANBUL);
      case 7 -> byFork(fork, Fork.BYZANTIUM, BN_MUL_BYZANTIUM, Fork.ISTANBUL, BN_MUL_ISTANBUL);
      case 8 -> byFork(
          fork, Fork.BYZANTIUM, BN_PAIRING_BYZANTIUM, Fork.ISTANBUL, BN_PAIRING_ISTANBUL);
      case 9 -> fork.isAtLeast(Fork.ISTANBUL) ? BLAKE2F : null;
      case 10 -> fork.isAtLeast(Fork.CANCUN) ? POINT_EVALUATION : null;
      default -> null;
    };
  }

  /** None before {@code first}, {@code original} until {@code repriced}, then {@code current}. */
  private static Precompile byFork(
      Fork fork, Fork first, Precompile original, Fork repriced, Precompile current) {
    if (fork.isBefore(first)) {
      return null;
    }
    return fork.isBefore(repriced) ? original : current;
  }
}
