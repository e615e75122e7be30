package dev.sttclients.runtime.internal;

import java.time.Duration;
import java.util.Objects;

/** The one rule for every duration a user sets (timeouts, backoffs, waits): bounded, so never infinite. */
public final class Durations {
  /** The longest any setting may be: far from the overflow of the clock's nanosecond arithmetic. */
  public static final Duration MAX = Duration.ofDays(365);

  private Durations() {}

  /** {@code d} if it is more than 0 and at most {@link #MAX}; otherwise an exception naming the setting. */
  public static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero() || d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(name + " must be positive and at most 365 days, was " + d);
    }
    return d;
  }

  /** {@code d} if it is between 0 and {@link #MAX}; otherwise an exception naming the setting. */
  public static Duration zeroOrPositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(name + " must be between 0 and 365 days, was " + d);
    }
    return d;
  }
}
