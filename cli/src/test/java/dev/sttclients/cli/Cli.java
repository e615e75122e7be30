package dev.sttclients.cli;

import dev.sttclients.runtime.testing.FakeTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code jobs} in this JVM with captured streams, a given environment and fake time. */
final class Cli {
  /** What one run printed and returned. */
  record Result(int exit, String out, byte[] outBytes, String err) {
    /** Exit code {@code code} and exactly one line on stderr, without a stack trace. */
    Result failsWith(int code) {
      assertEquals(code, exit, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
      assertEquals(1, err.lines().count(), () -> "one line on stderr, was:\n" + err);
      assertFalse(err.contains("\tat "), () -> "no stack trace:\n" + err);
      return this;
    }

    /** Exit code 0 and nothing on stderr. */
    Result succeeds() {
      assertEquals(0, exit, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
      assertEquals("", err, "stderr");
      return this;
    }
  }

  final Map<String, String> env = new HashMap<>();
  final FakeTime time = new FakeTime();
  boolean terminal;

  Cli() {}

  /** With every vendor's key set to {@code key-<vendor>}. */
  static Cli withKeys() {
    Cli cli = new Cli();
    for (Vendor<?> v : Vendor.ALL) {
      cli.env.put(v.keyVariable(), "key-" + v.name());
    }
    return cli;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context = CliContext.of(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env).withTime(time, time, time::nanos)
        .withTerminal(terminal);
    int exit = JobsCli.run(context, args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), out.toByteArray(),
        err.toString(StandardCharsets.UTF_8));
  }
}
