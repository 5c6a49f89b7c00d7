package org.drr.node.evm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drr.node.execution.DeepStack;

/**
 * The 30M-gas comparison by CPU time rather than wall clock, for a loaded machine: drr's
 * thread CPU time per call against the CPU time the anvil process spends per {@code eth_call}
 * (utime + stime from /proc, so it includes anvil's HTTP and JSON work). Run after the JMH
 * benchmarks with the bench profile's classpath:
 * {@code java -cp ... org.drr.node.evm.Call30MGasCpuTime [calls]}.
 */
public final class Call30MGasCpuTime {
  private Call30MGasCpuTime() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    // Measure on a deep-stack thread, where the processor runs inline (no hand-off), so this
    // thread's CPU time is the execution's.
    Throwable[] failure = new Throwable[1];
    Thread t = DeepStack.newThread(() -> {
      try {
        measure(calls);
      } catch (Throwable e) {
        failure[0] = e;
      }
    });
    t.start();
    t.join();
    if (failure[0] != null) {
      throw new IllegalStateException("measurement failed", failure[0]);
    }
  }

  private static void measure(int calls) throws Exception {
    Call30MGasBenchmark bench = new Call30MGasBenchmark();
    bench.setUp();
    try {
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < calls; i++) { // warm-up
        bench.drr();
        bench.anvilCall();
      }
      long drrCpu = 0;
      long anvilTicks = 0;
      for (int i = 0; i < calls; i++) {
        long t0 = mx.getCurrentThreadCpuTime();
        bench.drr();
        drrCpu += mx.getCurrentThreadCpuTime() - t0;
        long a0 = bench.anvilCpuTicks();
        bench.anvilCall();
        anvilTicks += bench.anvilCpuTicks() - a0;
      }
      double drrMs = drrCpu / 1e6 / calls;
      double anvilMs = anvilTicks * 10.0 / calls; // USER_HZ = 100 ticks per second
      System.out.printf(
          "30M-gas call, CPU time per call over %d calls: drr %.1f ms, anvil %.1f ms, ratio %.2f%n",
          calls, drrMs, anvilMs, drrMs / anvilMs);
    } finally {
      bench.tearDown();
    }
  }

  /** utime + stime of a process in clock ticks, from /proc/PID/stat. */
  static long cpuTicks(long pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
