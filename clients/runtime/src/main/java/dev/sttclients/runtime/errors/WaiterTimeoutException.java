package dev.sttclients.runtime.errors;

import dev.sttclients.runtime.waiter.JobState;
import java.time.Duration;

/**
 * The job was not finished by the wait's deadline ({@code WaitOptions.timeout}). Carries the last state seen
 * and the number of polls; the cause is the last poll's error when that poll failed (e.g. a
 * {@link RateLimitException} whose {@code Retry-After} lay beyond the deadline). The job itself goes on at the
 * vendor: wait again, or fetch it later.
 */
public class WaiterTimeoutException extends WaiterException {
  private final Duration timeout;

  public WaiterTimeoutException(String vendor, String jobId, Duration timeout, JobState lastState,
      String lastRawStatus, Object lastJob, int polls, Duration elapsed, Throwable cause) {
    super(vendor, vendor + " job " + jobId + ": not finished within " + timeout + ", last seen"
        + status(lastState, lastRawStatus) + ", after " + progress(polls, elapsed)
        + (cause == null ? "" : "; last poll failed: " + cause.getMessage()),
        jobId, lastState, lastRawStatus, lastJob, polls, elapsed, cause);
    this.timeout = timeout;
  }

  /** The overall timeout that passed. */
  public Duration timeout() {
    return timeout;
  }
}
