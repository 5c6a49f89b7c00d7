package org.drr.cli.output;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with carriage returns. When stderr is not a
 * terminal it draws nothing, so logs and captured output stay clean; callers report the final
 * figures themselves.
 */
public final class ProgressBar implements AutoCloseable {
  private static final int BAR_WIDTH = 30;
  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private long done;

  ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
    this.err = err;
    this.label = label;
    this.total = Math.max(total, 1);
    this.enabled = enabled;
  }

  /** Sets the count of finished items, redrawing at most ten times a second. */
  public void update(long doneNow) {
    this.done = doneNow;
    long now = System.nanoTime();
    if (enabled && (now - lastDraw >= MIN_REDRAW_NANOS || doneNow >= total)) {
      lastDraw = now;
      draw(now);
    }
  }

  private void draw(long now) {
    int filled = (int) (BAR_WIDTH * Math.min(done, total) / total);
    double seconds = (now - startNanos) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    err.printf(
        "\r%s [%s%s] %d/%d %.0f/s ",
        label, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), done, total, rate);
    err.flush();
  }

  @Override
  public void close() {
    if (enabled) {
      draw(System.nanoTime());
      err.println();
      err.flush();
    }
  }
}
