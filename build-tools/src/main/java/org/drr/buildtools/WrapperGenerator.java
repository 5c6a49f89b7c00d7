package org.drr.buildtools;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import org.web3j.codegen.SolidityFunctionWrapperGenerator;
import org.web3j.tx.Contract;

/**
 * Generates one Web3j wrapper per contract that {@code scripts/compile-contracts.js} wrote.
 *
 * <p>Arguments: the folder holding {@code Name.abi} / {@code Name.bin} pairs, the source root to
 * write into, and the Java package. Contracts with empty bytecode (interfaces, abstract bases)
 * still get a wrapper, because callers use their ABI through it.
 */
public final class WrapperGenerator {
  private static final int ADDRESS_LENGTH_BYTES = 20;

  private WrapperGenerator() {}

  public static void main(String[] args) throws IOException, ClassNotFoundException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: WrapperGenerator <abi-dir> <out-dir> <package>");
    }
    File abiDir = new File(args[0]);
    File outDir = new File(args[1]);
    String packageName = args[2];
    File[] abis = abiDir.listFiles((dir, name) -> name.endsWith(".abi"));
    if (abis == null || abis.length == 0) {
      throw new IOException("no .abi files in " + abiDir.getAbsolutePath()
          + " — did scripts/compile-contracts.js run?");
    }
    Arrays.sort(abis);
    for (File abi : abis) {
      String name = abi.getName().substring(0, abi.getName().length() - ".abi".length());
      File bin = new File(abiDir, name + ".bin");
      new SolidityFunctionWrapperGenerator(
              bin, abi, outDir, name, packageName,
              true, false, false, Contract.class, ADDRESS_LENGTH_BYTES, false)
          .generate();
    }
  }
}
