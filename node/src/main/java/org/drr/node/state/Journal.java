package org.drr.node.state;

import java.util.Arrays;

/**
 * An undo log. Every state change records how to undo itself; a snapshot is the log length at a
 * moment, and reverting to it undoes the changes after it in reverse order. Snapshots nest
 * naturally: reverting an inner call leaves the outer changes in place.
 */
final class Journal {
  private Runnable[] entries = new Runnable[64];
  private int size;

  /** Records how to undo a change that has just been made. */
  void record(Runnable undo) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = undo;
  }

  int snapshot() {
    return size;
  }

  /**
   * Undoes every change recorded after {@code snapshot}.
   *
   * @throws IllegalArgumentException if the snapshot is newer than the journal (already reverted)
   */
  void revertTo(int snapshot) {
    if (snapshot > size || snapshot < 0) {
      throw new IllegalArgumentException(
          "snapshot " + snapshot + " is not in the journal of size " + size);
    }
    while (size > snapshot) {
      Runnable undo = entries[--size];
      entries[size] = null;
      undo.run();
    }
  }

  /** Forgets all entries: the changes become permanent (end of a transaction). */
  void clear() {
    Arrays.fill(entries, 0, size, null);
    size = 0;
  }
}
