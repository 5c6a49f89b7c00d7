package org.drr.node.evm;

import java.math.BigInteger;
import java.util.List;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.fork.Fork;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;

/** Runs bytecode in a fresh Cancun EVM for unit tests; the stack is left for inspection. */
public final class EvmHarness {
  public static final Address CONTRACT = Address.fromHexString("0x00000000000000000000000000000000c0de0001");
  public static final Address CALLER = Address.fromHexString("0x00000000000000000000000000000000ca11e401");

  public final WorldState state = new WorldState();
  public final Evm evm;

  public EvmHarness() {
    BlockEnvironment block =
        new BlockEnvironment(
            Address.fromHexString("0x00000000000000000000000000000000c014ba5e"),
            100, 1_700_000_000L, 30_000_000L, BigInteger.ZERO, Word256.ZERO, 1337,
            BigInteger.ONE, n -> Word256.ZERO);
    evm = new Evm(state, Fork.CANCUN, block, new TransactionContext(CALLER, BigInteger.ZERO, List.of()));
  }

  /** Runs {@code code} as CONTRACT with {@code gas}; returns the frame after it halted. */
  public Frame run(byte[] code, long gas) {
    Frame f = new Frame(evm, CONTRACT, CALLER, BigInteger.ZERO, new byte[0], code, gas, 0, false);
    lastStatus = Interpreter.run(f, OpcodeTable.forFork(Fork.CANCUN));
    return f;
  }

  public int lastStatus;

  /** PUSH32 of a 256-bit value. */
  public static byte[] push32(BigInteger v) {
    byte[] out = new byte[33];
    out[0] = (byte) Opcodes.PUSH32;
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 33 - n, n);
    return out;
  }

  public static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  /** The top of the stack as an unsigned BigInteger. */
  public static BigInteger top(Frame f) {
    return Words.toBigInteger(f.stack.words, f.stack.sp - 4);
  }
}
