package org.drr.node.evm;

/**
 * One entry of the opcode table: the mnemonic, its constant gas, how many words it takes from the
 * stack and pushes, and the handler. The interpreter checks stack bounds and charges the constant
 * gas generically; the handler charges any dynamic gas itself.
 */
public final class Operation {
  /** Executes one opcode against a frame; returns a {@link Status} code. */
  @FunctionalInterface
  public interface Handler {
    int execute(Frame frame);
  }

  public final int opcode;
  public final String name;
  public final long constantGas;
  public final int stackIn;
  public final int stackOut;
  public final Handler handler;

  public Operation(
      int opcode, String name, long constantGas, int stackIn, int stackOut, Handler handler) {
    this.opcode = opcode;
    this.name = name;
    this.constantGas = constantGas;
    this.stackIn = stackIn;
    this.stackOut = stackOut;
    this.handler = handler;
  }

  /** The same operation with a different constant gas (a repricing EIP). */
  public Operation withGas(long gas) {
    return new Operation(opcode, name, gas, stackIn, stackOut, handler);
  }

  @Override
  public String toString() {
    return name + "(0x" + Integer.toHexString(opcode) + ")";
  }
}
