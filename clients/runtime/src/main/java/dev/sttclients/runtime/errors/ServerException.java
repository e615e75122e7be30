package dev.sttclients.runtime.errors;

import java.time.Duration;
import java.util.Optional;

/** 5xx: the vendor failed. Retried by default for idempotent calls. */
public class ServerException extends ServiceException {
  private final Duration retryAfter;

  public ServerException(ErrorResponse response) {
    this(response, null);
  }

  public ServerException(ErrorResponse response, Duration retryAfter) {
    super(response);
    this.retryAfter = retryAfter;
  }

  /** The server's {@code Retry-After} on a 503, if it sent a readable one (seconds or HTTP-date). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
