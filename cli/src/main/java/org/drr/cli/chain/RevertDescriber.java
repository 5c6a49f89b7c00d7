package org.drr.cli.chain;

/** Turns revert data (0x-prefixed hex, possibly "0x") into one line for a person. */
@FunctionalInterface
public interface RevertDescriber {
  String describe(String revertData);
}
