package dev.sttclients.runtime.errors;

import dev.sttclients.runtime.waiter.JobState;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Waiting for a job ended without a usable result: the job failed ({@link JobFailedException}), the deadline
 * passed ({@link WaiterTimeoutException}) or the wait was interrupted ({@link WaitInterruptedException}).
 * Carries what the waiter last saw: the job's state and raw status, the typed job, how many polls it made
 * ({@link #attempts()} is the same number) and how long it waited.
 */
public abstract class WaiterException extends SttException {
  private final String jobId;
  private final JobState lastState;
  private final String lastRawStatus;
  private final Object lastJob;
  private final int polls;
  private final Duration elapsed;

  protected WaiterException(String vendor, String message, String jobId, JobState lastState, String lastRawStatus,
      Object lastJob, int polls, Duration elapsed, Throwable cause) {
    super(vendor, message, polls, cause);
    this.jobId = jobId;
    this.lastState = lastState;
    this.lastRawStatus = lastRawStatus;
    this.lastJob = lastJob;
    this.polls = polls;
    this.elapsed = elapsed;
  }

  /** The id of the job waited for. */
  public String jobId() {
    return jobId;
  }

  /** The job's state at the last successful poll; empty when no poll succeeded. */
  public Optional<JobState> lastState() {
    return Optional.ofNullable(lastState);
  }

  /** The vendor's own status string at the last successful poll (also for a status the spec does not list). */
  public Optional<String> lastRawStatus() {
    return Optional.ofNullable(lastRawStatus);
  }

  /** The typed job (the vendor's generated model) from the last successful poll. */
  public Optional<Object> lastJob() {
    return Optional.ofNullable(lastJob);
  }

  /** As {@link #lastJob()}, when it is of {@code type} (e.g. {@code PreRecordedJob.class}). */
  public <T> Optional<T> lastJob(Class<T> type) {
    return lastJob().filter(type::isInstance).map(type::cast);
  }

  /** How many times the job was fetched (successful and failed polls). */
  public int polls() {
    return polls;
  }

  /** Time from the start of the wait to the end, on the waiter's clock. */
  public Duration elapsed() {
    return elapsed;
  }

  /** "3 polls in 12.0 s": for messages. */
  protected static String progress(int polls, Duration elapsed) {
    return polls + (polls == 1 ? " poll" : " polls") + " in "
        + String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
  }

  /** {@code ' (status "error")'} or "" : for messages. */
  protected static String status(JobState state, String raw) {
    if (state == null) {
      return " (no successful poll)";
    }
    return " " + state + (raw == null ? "" : " (status \"" + ErrorResponse.oneLine(raw) + "\")");
  }
}
