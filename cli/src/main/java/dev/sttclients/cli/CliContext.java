package dev.sttclients.cli;

import dev.sttclients.runtime.Sleeper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What one run of {@code jobs} talks to: standard output and error, the environment it reads keys from, whether
 * standard error is a terminal (only then is a live progress line drawn), and the time waits run on. Tests and the
 * demo make their own ({@link #of}); {@link #system()} is the real process's. Closes the clients a run opened.
 */
public final class CliContext implements AutoCloseable {
  private final PrintStream stdout;
  private final PrintStream stderr;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> env;
  private final boolean terminal;
  private final Clock clock;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final List<AutoCloseable> open = new ArrayList<>();

  private CliContext(PrintStream stdout, PrintStream stderr, Map<String, String> env, boolean terminal, Clock clock,
      Sleeper sleeper, LongSupplier nanoTime) {
    this.stdout = Objects.requireNonNull(stdout, "stdout");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    this.err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
    this.env = Map.copyOf(env);
    this.terminal = terminal;
    this.clock = clock;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  /** The process's own streams and environment; a progress line only when standard error is a terminal. */
  public static CliContext system() {
    return new CliContext(System.out, System.err, System.getenv(), stderrIsTerminal(), null, null, System::nanoTime);
  }

  /** Given streams and environment; not a terminal, system time. */
  public static CliContext of(PrintStream stdout, PrintStream stderr, Map<String, String> env) {
    return new CliContext(stdout, stderr, env, false, null, null, System::nanoTime);
  }

  /** This context with waits (and the clients' retry pauses) on the given clock and sleeper, e.g. fake time. */
  public CliContext withTime(Clock clock, Sleeper sleeper, LongSupplier nanoTime) {
    return new CliContext(stdout, stderr, env, terminal, clock, sleeper, nanoTime);
  }

  /** This context, drawing the progress line as if standard error were a terminal (or not). */
  public CliContext withTerminal(boolean isTerminal) {
    return new CliContext(stdout, stderr, env, isTerminal, clock, sleeper, nanoTime);
  }

  PrintStream stdout() {
    return stdout;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /** An environment variable, or null when unset or blank. */
  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  boolean terminal() {
    return terminal;
  }

  /** The wait's clock, or null for the system's. */
  Clock clock() {
    return clock;
  }

  /** The sleeper for waits and retries, or null for the system's. */
  Sleeper sleeper() {
    return sleeper;
  }

  Progress progress() {
    return new Progress(err, terminal, nanoTime, columns());
  }

  private int columns() {
    try {
      String c = env.get("COLUMNS");
      return c == null ? 80 : Math.max(20, Integer.parseInt(c.trim()));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /** Closed at the end of the run, e.g. a client. */
  <T extends AutoCloseable> T track(T resource) {
    open.add(resource);
    return resource;
  }

  @Override
  public void close() {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing a client frees its pool; nothing to report at exit
      }
    }
    open.clear();
    out.flush();
    err.flush();
  }

  /**
   * Whether standard error is a terminal: on Linux, where {@code /proc/self/fd/2} points (a {@code /dev/pts/N} or
   * {@code /dev/ttyN} device); elsewhere {@link System#console()} (which looks at standard input and output). Never
   * for {@code TERM=dumb}.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
