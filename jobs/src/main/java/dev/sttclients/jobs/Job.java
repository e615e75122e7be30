package dev.sttclients.jobs;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobState;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A transcription job as any vendor reports it, in one vocabulary: vendor, id, unified {@link JobState}, the
 * vendor's raw status string, times and failure message where the vendor gives them, and the vendor's typed
 * model underneath ({@link #model()}). Immutable; a snapshot of one fetch.
 *
 * <table>
 *   <caption>What each vendor gives</caption>
 *   <tr><th>vendor</th><th>model</th><th>raw status</th><th>created / completed</th><th>failure message</th></tr>
 *   <tr><td>gladia</td><td>{@code PreRecordedJob}</td><td>queued, processing, done, error</td>
 *       <td>created_at / completed_at</td><td>{@code error_code 500}</td></tr>
 *   <tr><td>daily</td><td>{@code BatchProcessorJob}</td><td>submitted, processing, finished, error</td>
 *       <td>none</td><td>{@code error}</td></tr>
 *   <tr><td>slng</td><td>{@code BatchJob}</td><td>QUEUED, IN_PROGRESS, DECODING, POST_PROCESSING, DONE, FAILED,
 *       DELETED</td><td>submitted_at / completed_at</td><td>{@code error_message.message}</td></tr>
 *   <tr><td>verbit</td><td>{@code JobInfo}</td><td>Pending, In Progress, Completed, Canceled, Failure; sandbox
 *       Complete, Error</td><td>none</td><td>{@code errors} as JSON</td></tr>
 * </table>
 * The state mapping is each spec's {@code x-job-states} table. A status the spec does not list is
 * {@link JobState#UNKNOWN}, with the string the vendor sent in {@link #rawStatus()}.
 *
 * @param <T> the vendor's generated job model
 */
public final class Job<T> {
  private final String vendor;
  private final String id;
  private final JobState state;
  private final String rawStatus;
  private final OffsetDateTime createdAt;
  private final OffsetDateTime completedAt;
  private final String failureMessage;
  private final T model;

  private Job(String vendor, String id, JobState state, String rawStatus, OffsetDateTime createdAt,
      OffsetDateTime completedAt, String failureMessage, T model) {
    this.vendor = vendor;
    this.id = id;
    this.state = state;
    this.rawStatus = rawStatus;
    this.createdAt = createdAt;
    this.completedAt = completedAt;
    this.failureMessage = failureMessage;
    this.model = model;
  }

  /**
   * The view of one fetched job.
   *
   * @param requestedId the id asked for, used when the model carries none
   */
  static <T> Job<T> of(JobDescriptor<T> descriptor, String requestedId, ApiResponse<T> response) {
    T model = Objects.requireNonNull(response.body(), "job");
    JobState state = descriptor.state(model);
    return new Job<>(descriptor.vendor(), descriptor.id(model).orElse(requestedId), state,
        descriptor.rawStatus(response), descriptor.createdAt(model).orElse(null),
        descriptor.completedAt(model).orElse(null),
        state.isUnsuccessful() ? descriptor.failureMessage(model).orElse(null) : null, model);
  }

  /** The vendor, e.g. {@code gladia}. */
  public String vendor() {
    return vendor;
  }

  /** The job's id as the vendor writes it. */
  public String id() {
    return id;
  }

  /** Where the job is, in the shared vocabulary. */
  public JobState state() {
    return state;
  }

  /** The vendor's own status string, e.g. {@code "In Progress"}; also a status the spec does not list. */
  public String rawStatus() {
    return rawStatus;
  }

  /** When the job was created, when the vendor says (Gladia, SLNG). */
  public Optional<OffsetDateTime> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** When the job finished, when the vendor says (Gladia, SLNG). */
  public Optional<OffsetDateTime> completedAt() {
    return Optional.ofNullable(completedAt);
  }

  /** Why the job failed, for a FAILED, CANCELED or DELETED job whose vendor says why. */
  public Optional<String> failureMessage() {
    return Optional.ofNullable(failureMessage);
  }

  /** The vendor's typed job, e.g. a Gladia {@code PreRecordedJob}. */
  public T model() {
    return model;
  }

  @Override
  public String toString() {
    return vendor + " job " + id + ": " + state + " (\"" + rawStatus + "\")"
        + (failureMessage == null ? "" : ": " + failureMessage);
  }
}
