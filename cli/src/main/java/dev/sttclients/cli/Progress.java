package dev.sttclients.cli;

import dev.sttclients.runtime.waiter.PollEvent;
import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The live progress line on standard error, redrawn in place ({@code \r}) while a command waits or transfers, and
 * erased when it ends. Drawn only when standard error is a terminal: never into a pipe, a file or a test's captured
 * output. At most one line, never wider than the terminal, without control characters from the server.
 */
final class Progress {
  private static final long REDRAW_NANOS = 100_000_000L; // a transfer redraws at most 10 times a second

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanoTime;
  private final int width;
  private int drawn;
  private long lastDraw = Long.MIN_VALUE;

  Progress(PrintWriter err, boolean enabled, LongSupplier nanoTime, int columns) {
    this.err = err;
    this.enabled = enabled;
    this.nanoTime = nanoTime;
    this.width = columns - 1;
  }

  /** Replaces the line with {@code text}. */
  void show(String text) {
    if (!enabled) {
      return;
    }
    String line = Text.clean(text);
    if (line.length() > width) {
      line = line.substring(0, Math.max(0, width - 3)) + "...";
    }
    err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    err.flush();
    drawn = line.length();
    lastDraw = nanoTime.getAsLong();
  }

  /** As {@link #show}, but at most every 100 ms: for counters that move fast (items listed). */
  void update(String text) {
    if (enabled && (lastDraw == Long.MIN_VALUE || nanoTime.getAsLong() - lastDraw >= REDRAW_NANOS)) {
      show(text);
    }
  }

  /** One poll of a wait: "gladia job ID: RUNNING (processing), poll 3 at 7.0s, next in 4.0s". */
  void poll(PollEvent e) {
    show(e.vendor() + " job " + e.jobId() + ": "
        + (e.error() != null ? "poll failed (" + e.error().getMessage() + ")" : e.state() + " (" + e.rawStatus() + ")")
        + ", poll " + e.poll() + " at " + Text.seconds(e.elapsed())
        + e.next().map(d -> ", next in " + Text.seconds(d)).orElse(""));
  }

  /** Bytes moved so far, of {@code total} when known; redrawn at most every 100 ms. */
  void transfer(String what, long bytes, OptionalLong total) {
    if (!enabled) {
      return;
    }
    update(what + " " + Text.bytes(bytes) + (total.isPresent() && total.getAsLong() > 0
        ? " of " + Text.bytes(total.getAsLong()) + " (" + (100 * bytes / total.getAsLong()) + " %)" : ""));
  }

  /** Erases the line, leaving the cursor where it started. */
  void clear() {
    if (enabled && drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
      drawn = 0;
    }
  }
}
