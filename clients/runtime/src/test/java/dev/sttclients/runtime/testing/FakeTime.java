package dev.sttclients.runtime.testing;

import dev.sttclients.runtime.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when told to, and a sleeper that moves it (and records each wait) instead of sleeping:
 * waits and retry pauses in tests are recorded, never slept. Shared by the runtime's, the job view's and the
 * command line's tests (this module's test jar).
 */
public final class FakeTime extends Clock implements Sleeper {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private volatile Instant now = T0;
  /** Every wait asked for, in order. */
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /** Moves the clock to {@code when}, never back. */
  public synchronized void set(Instant when) {
    if (when.isAfter(now)) {
      now = when;
    }
  }

  /** How far the clock moved since {@link #T0}. */
  public Duration elapsed() {
    return Duration.between(T0, now);
  }

  /** Now as nanoseconds since the epoch, for code that reads a nano clock. */
  public long nanos() {
    Instant t = now;
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
