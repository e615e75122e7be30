package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one rule for user-set durations, at its edges: what passes is returned as given, what fails names itself. */
class DurationsTest {
  private static final Duration OVER = Durations.MAX.plusNanos(1);

  @Test
  void positiveTakesMoreThanZeroUpTo365Days() {
    for (Duration ok : new Duration[] {Duration.ofNanos(1), Durations.MAX}) {
      assertSame(ok, Durations.positive("timeout", ok));
    }
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofNanos(-1), OVER}) {
      assertEquals("timeout must be positive and at most 365 days, was " + bad,
          assertThrows(IllegalArgumentException.class, () -> Durations.positive("timeout", bad)).getMessage());
    }
  }

  @Test
  void zeroOrPositiveAlsoTakesZero() {
    for (Duration ok : new Duration[] {Duration.ZERO, Duration.ofNanos(1), Durations.MAX}) {
      assertSame(ok, Durations.zeroOrPositive("backoff", ok));
    }
    for (Duration bad : new Duration[] {Duration.ofNanos(-1), OVER}) {
      assertEquals("backoff must be between 0 and 365 days, was " + bad,
          assertThrows(IllegalArgumentException.class, () -> Durations.zeroOrPositive("backoff", bad)).getMessage());
    }
    assertEquals("backoff", assertThrows(NullPointerException.class,
        () -> Durations.zeroOrPositive("backoff", null)).getMessage());
  }
}
