package org.drr.node.evm;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drr.node.execution.BlockEnvironment;
import org.drr.node.fork.Fork;
import org.drr.node.state.Word256;
import org.drr.node.state.WorldState;
import org.drr.node.types.Address;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Interpreter throughput on a compute-bound loop: one frame of {@link #ITERATIONS} rounds
 * (exactly {@code ComputeLoop.gas(ITERATIONS)} = 5,800,006 gas) per operation. Mgas/s is that
 * gas divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InterpreterBenchmark {
  static final int ITERATIONS = 100_000;
  private static final Address CONTRACT = Address.fromHexString("0x00000000000000000000000000000000c0de0001");

  private Evm evm;
  private Operation[] table;
  private byte[] code;

  @Setup
  public void setUp() {
    BlockEnvironment block =
        new BlockEnvironment(Address.ZERO, 1, 1, 30_000_000L, BigInteger.ZERO, Word256.ZERO, 1,
            BigInteger.ONE, n -> Word256.ZERO);
    evm = new Evm(new WorldState(), Fork.CANCUN, block,
        new TransactionContext(Address.ZERO, BigInteger.ZERO, List.of()));
    table = OpcodeTable.forFork(Fork.CANCUN);
    code = ComputeLoop.code(ITERATIONS);
  }

  @Benchmark
  public long computeLoop() {
    long gas = ComputeLoop.gas(ITERATIONS);
    Frame f = new Frame(evm, CONTRACT, Address.ZERO, BigInteger.ZERO, new byte[0], code, gas, 0, false);
    int status = Interpreter.run(f, table);
    if (status != Status.STOP || f.gas != 0) {
      throw new IllegalStateException(
          "loop ended with " + Status.name(status) + " and " + f.gas + " gas left");
    }
    return f.stack.get(1, 0);
  }
}
