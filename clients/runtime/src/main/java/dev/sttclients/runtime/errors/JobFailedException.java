package dev.sttclients.runtime.errors;

import dev.sttclients.runtime.waiter.JobState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The job reached a terminal state without a result: {@link JobState#FAILED}, {@link JobState#CANCELED} or
 * {@link JobState#DELETED}. Thrown by every vendor's {@code waitUntilDone} (and the neutral view's), so that a
 * returned job is always a finished one with a result. Carries the typed job as the vendor returned it, its
 * raw status and the vendor's failure message, when the vendor gives one.
 *
 * <pre>{@code
 * try {
 *   PreRecordedJob job = gladia.preRecorded().waitUntilDone(id);
 * } catch (JobFailedException e) {
 *   PreRecordedJob failed = e.job(PreRecordedJob.class);   // the whole job, error_code included
 *   log.warn("{} {}: {}", e.state(), e.rawStatus(), e.failureMessage().orElse("no message"));
 * }
 * }</pre>
 */
public class JobFailedException extends WaiterException {
  private final JobState state;
  private final String rawStatus;
  private final String failureMessage;
  private final Object job;

  public JobFailedException(String vendor, String jobId, JobState state, String rawStatus, String failureMessage,
      Object job, int polls, Duration elapsed) {
    super(vendor, vendor + " job " + jobId + ":" + status(state, rawStatus)
        + (failureMessage == null ? "" : ": " + ErrorResponse.oneLine(failureMessage)) + " after "
        + progress(polls, elapsed), jobId, state, rawStatus, job, polls, elapsed, null);
    this.state = Objects.requireNonNull(state, "state");
    this.rawStatus = rawStatus;
    this.failureMessage = failureMessage;
    this.job = Objects.requireNonNull(job, "job");
  }

  /** How the job ended: {@link JobState#FAILED}, {@link JobState#CANCELED} or {@link JobState#DELETED}. */
  public JobState state() {
    return state;
  }

  /** The vendor's own status string, e.g. {@code "error"}, {@code "Failure"}, {@code "FAILED"}. */
  public String rawStatus() {
    return rawStatus;
  }

  /**
   * Why it failed, as the vendor says it (Daily's {@code error}, SLNG's {@code error_message}, Verbit's
   * {@code errors}, Gladia's {@code error_code}), when the job carries it.
   */
  public Optional<String> failureMessage() {
    return Optional.ofNullable(failureMessage);
  }

  /** The failed job, the vendor's generated model. */
  public Object job() {
    return job;
  }

  /** The failed job as {@code type} (e.g. {@code PreRecordedJob.class}). */
  public <T> T job(Class<T> type) {
    return type.cast(job);
  }
}
