package org.drr.node.execution;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads deep enough for the EVM. Message calls nest up to 1024 frames and each frame recurses
 * through the interpreter, which overflows a default (1 MiB) Java thread stack. Work submitted
 * through {@link #call} runs directly when already on a deep-stack thread and is otherwise
 * handed to one; servers should create their execution threads with {@link #newThread} to avoid
 * the hand-off.
 */
public final class DeepStack {
  /** Stack reserved per thread; only the pages actually touched are committed. */
  public static final long STACK_BYTES = 512L << 20;

  private static final ThreadLocal<Boolean> DEEP = ThreadLocal.withInitial(() -> false);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(DeepStack::newThread);

  private DeepStack() {}

  /** A daemon thread with a stack deep enough for 1024 nested EVM frames. */
  public static Thread newThread(Runnable body) {
    return newThread("evm-" + COUNTER.incrementAndGet(), body);
  }

  /** As {@link #newThread(Runnable)}, named {@code name}. */
  public static Thread newThread(String name, Runnable body) {
    Thread t =
        new Thread(
            null,
            () -> {
              DEEP.set(true);
              body.run();
            },
            name,
            STACK_BYTES);
    t.setDaemon(true);
    return t;
  }

  public static boolean isDeepStackThread() {
    return DEEP.get();
  }

  /** Body of {@link #call} that may throw one checked exception type. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs {@code work} on a deep-stack thread (this one if it already is) and returns its result,
   * rethrowing its exception unchanged.
   */
  @SuppressWarnings("unchecked")
  public static <T, E extends Exception> T call(Work<T, E> work) throws E {
    if (isDeepStackThread()) {
      return work.run();
    }
    Callable<T> task = work::run;
    Future<T> future = POOL.submit(task);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while executing on the EVM thread", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw (E) cause;
    }
  }
}
