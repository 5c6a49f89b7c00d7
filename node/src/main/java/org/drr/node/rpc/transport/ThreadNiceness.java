package org.drr.node.rpc.transport;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Threads' nice values on Linux, read from {@code /proc} and raised with libc's {@code
 * setpriority}. On Linux, {@code setpriority(PRIO_PROCESS, tid, …)} applies to the one thread
 * {@code tid}, and raising a nice value (lowering the priority) needs no privilege. A new thread
 * starts with its creator's nice value, so levels are counted from the process's, not the
 * thread's own: a lowered thread that creates another does not push it lower still.
 *
 * <p>The JVM's own route, {@link Thread#setPriority} under {@code -XX:ThreadPriorityPolicy=1},
 * prints a warning at every start for a user other than root, and changes the JVM's own threads
 * too; this touches only the threads that ask.
 */
final class ThreadNiceness {
  /** {@code which} argument of setpriority: one process, or on Linux one thread. */
  private static final int PRIO_PROCESS = 0;

  /** The highest nice value, the lowest priority. */
  static final int MAX_NICE = 19;

  private static final Path SELF = Path.of("/proc/thread-self");
  private static final Path PROCESS = Path.of("/proc/self");

  private interface LibC extends Library {
    int setpriority(int which, int who, int prio);
  }

  /** Bound on first use; null where libc or JNA's native part is unavailable. */
  private static final class Binding {
    static final LibC LIBC = load();

    private static LibC load() {
      try {
        return Native.load("c", LibC.class);
      } catch (LinkageError | RuntimeException e) { // no native part for this platform, or no libc
        return null;
      }
    }
  }

  private ThreadNiceness() {}

  /**
   * Sets the calling thread's nice value {@code levels} above the process's (its main thread's),
   * at most {@value #MAX_NICE}; a thread already that low is left as it is.
   *
   * @return the thread's nice value afterwards, read back from the kernel; empty where thread nice
   *     values cannot be read or set (not Linux, or no libc binding)
   */
  static OptionalInt lowerCallingThread(int levels) {
    OptionalInt now = current();
    OptionalInt base = process();
    OptionalInt tid = threadId();
    if (now.isEmpty() || base.isEmpty() || tid.isEmpty() || Binding.LIBC == null) {
      return OptionalInt.empty();
    }
    int target = Math.min(MAX_NICE, base.getAsInt() + levels);
    if (now.getAsInt() >= target) {
      return now;
    }
    if (Binding.LIBC.setpriority(PRIO_PROCESS, tid.getAsInt(), target) != 0) {
      return now; // refused (a security policy): the thread keeps its priority
    }
    return current();
  }

  /** The calling thread's nice value; empty where the kernel does not show it (not Linux). */
  static OptionalInt current() {
    return niceIn(SELF.resolve("stat"));
  }

  /** The process's nice value, which is its main thread's. */
  static OptionalInt process() {
    return niceIn(PROCESS.resolve("stat"));
  }

  private static OptionalInt niceIn(Path stat) {
    try {
      String text = Files.readString(stat);
      // after "pid (comm) " come state (field 3) … nice (field 19); comm may hold spaces and ')'
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return OptionalInt.of(Integer.parseInt(fields[19 - 3]));
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * The kernel's id of the calling thread (/proc/thread-self links to "<pid>/task/<tid>"); empty
   * where there is none. Never throws: it runs first thing on every RPC thread.
   */
  private static OptionalInt threadId() {
    try {
      return OptionalInt.of(Integer.parseInt(Files.readSymbolicLink(SELF).getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }
}
