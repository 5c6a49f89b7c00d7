package org.drr.contracts;

import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The well-known development accounts that anvil (and the project's dev chain) fund: keys
 * derived from the public test mnemonic along {@code m/44'/60'/0'/0/i}.
 *
 * <p>These keys are public knowledge; they must never hold anything of value.
 */
public final class DevAccounts {
  /** The public mnemonic every Ethereum dev tool uses for its funded accounts. */
  public static final String MNEMONIC =
      "test test test test test test test test test test test junk";

  /** How many of them anvil funds by default. */
  public static final int FUNDED_COUNT = 10;

  private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;

  private DevAccounts() {}

  /** The credentials at {@code m/44'/60'/0'/0/index}. */
  public static Credentials account(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("account index must be >= 0, got " + index);
    }
    Bip32ECKeyPair master =
        Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
    int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, index};
    return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
  }

  /** The first {@code count} accounts, in index order. */
  public static List<Credentials> accounts(int count) {
    Bip32ECKeyPair master =
        Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
    List<Credentials> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, i};
      result.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
    }
    return result;
  }
}
