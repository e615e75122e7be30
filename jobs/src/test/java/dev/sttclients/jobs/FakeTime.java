package dev.sttclients.jobs;

import dev.sttclients.runtime.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when told to, and a sleeper that moves it (and records each wait) instead of sleeping. */
final class FakeTime extends Clock implements Sleeper {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private volatile Instant now = T0;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  synchronized void set(Instant when) {
    if (when.isAfter(now)) {
      now = when;
    }
  }

  Duration elapsed() {
    return Duration.between(T0, now);
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
