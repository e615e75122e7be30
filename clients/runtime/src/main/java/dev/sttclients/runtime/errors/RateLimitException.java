package dev.sttclients.runtime.errors;

import java.time.Duration;
import java.util.Optional;

/** 429 Too Many Requests, after the retries allowed by the retry policy. */
public class RateLimitException extends ServiceException {
  private final Duration retryAfter;

  public RateLimitException(ErrorResponse response, Duration retryAfter) {
    super(response);
    this.retryAfter = retryAfter;
  }

  /** The server's {@code Retry-After}, if it sent a readable one (seconds or HTTP-date). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
