package org.drr.node.rpc.transport;

import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.drr.node.execution.DeepStack;

/**
 * Threads of the RPC servers, which run {@value #NICE_LEVELS} nice levels below the node's other
 * threads. Under a flood of requests the RPC threads otherwise take the CPU from the block
 * producer: on two cores with four clients submitting, the producer got a quarter of a core and
 * its blocks came seconds late (docs/benchmarks.md, "RPC threads below block production"). A
 * validator must build its blocks on time whatever its clients send. Contended, the RPC threads
 * still get CPU in proportion to their weight (423 for nice 4 against 1,024 for nice 0, in Linux's
 * scheduler), so they are slowed, never starved; on an idle core nothing changes.
 */
final class RpcThreads {
  static final int NICE_LEVELS = 4;

  private static final Logger LOG = Logger.getLogger(RpcThreads.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private RpcThreads() {}

  /** Daemon threads named {@code prefix1, prefix2, …} with a stack deep enough for the EVM. */
  static ThreadFactory deepStack(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return body -> DeepStack.newThread(prefix + counter.incrementAndGet(), lowered(body));
  }

  /** Daemon threads named {@code prefix1, prefix2, …} with a default stack. */
  static ThreadFactory plain(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return body -> {
      Thread thread = new Thread(lowered(body), prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** {@code body}, run after the thread has lowered its own priority (only it can name itself). */
  private static Runnable lowered(Runnable body) {
    return () -> {
      OptionalInt nice = ThreadNiceness.lowerCallingThread(NICE_LEVELS);
      if (nice.isEmpty() && WARNED.compareAndSet(false, true)) {
        LOG.info("RPC threads run at the node's CPU priority: this system does not let a thread"
            + " lower its own (Linux's setpriority is needed)");
      }
      body.run();
    };
  }
}
