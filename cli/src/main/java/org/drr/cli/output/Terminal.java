package org.drr.cli.output;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether this process talks to a real terminal (for prompts and progress bars). */
public final class Terminal {
  private Terminal() {}

  /**
   * True when stdin/stdout are a terminal. On JDK 22+ {@link System#console()} is non-null even
   * when redirected, so {@code Console.isTerminal()} (looked up reflectively, since we compile
   * for 21) decides there.
   */
  public static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
