package dev.sttclients.runtime.errors;

import java.time.Duration;

/**
 * The call's overall deadline ({@code callTimeout}, per client or per call) passed: it covers every attempt,
 * every wait between attempts, every redirect and the reading of the body, so a server that trickles bytes or
 * sends endless interim (1xx) responses cannot hold a call longer than that. Not retried.
 */
public class CallTimeoutException extends RequestTimeoutException {
  private final Duration callTimeout;

  public CallTimeoutException(String vendor, String message, int attempts, Duration callTimeout, Throwable cause) {
    super(vendor, message, attempts, cause);
    this.callTimeout = callTimeout;
  }

  /** The deadline that passed. */
  public Duration callTimeout() {
    return callTimeout;
  }
}
