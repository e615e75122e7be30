package dev.sttclients.runtime;

import dev.sttclients.runtime.internal.Durations;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a failed request again. Immutable.
 *
 * <p>What is retried (decided by the runtime, not configurable, so that nothing unsafe is ever replayed):
 * <ul>
 *   <li>idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS): connection failures and timeouts (also while
 *       reading a response body), and HTTP 408, 429 and every 5xx but 501;</li>
 *   <li>non-idempotent methods (POST, PATCH): only failures where the request provably never left the
 *       client (connection refused, connect timeout, unknown host, no pooled connection in time); never a
 *       status, a reset or a response timeout, since the server may have acted on the request.</li>
 * </ul>
 * The wait is exponential backoff with full jitter, {@code random(0, min(maxBackoff, initialBackoff * 2^(n-1)))},
 * unless a 429 or 503 carries {@code Retry-After} (seconds or HTTP-date): then exactly that, as long as it is not
 * longer than {@link #maxRetryAfter()} (a longer one ends the retries and is reported on the exception).
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.initialBackoff = Durations.zeroOrPositive("initialBackoff", initialBackoff);
    this.maxBackoff = Durations.zeroOrPositive("maxBackoff", maxBackoff);
    this.maxRetryAfter = Durations.zeroOrPositive("maxRetryAfter", maxRetryAfter);
  }

  /** 2 retries, 500 ms initial backoff, 8 s cap, honour Retry-After up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** No retries at all. */
  public static RetryPolicy none() {
    return DEFAULTS.withMaxRetries(0);
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  public RetryPolicy withMaxRetries(int n) {
    return new RetryPolicy(n, initialBackoff, maxBackoff, maxRetryAfter);
  }

  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxRetries, initial, max, maxRetryAfter);
  }

  public RetryPolicy withMaxRetryAfter(Duration max) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, max);
  }

  /** The full-jitter wait before retry number {@code retry} (1-based). */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry is 1-based, was " + retry);
    }
    long cap = maxBackoff.toMillis();
    long initial = initialBackoff.toMillis();
    int shift = Math.min(retry - 1, 30);
    long exp = initial > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : initial << shift;
    long ceiling = Math.min(cap, exp); // at most 365 days: ceiling + 1 below cannot overflow
    return Duration.ofMillis(ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + '}';
  }
}
