package dev.sttclients.runtime.waiter;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.Json;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to read one vendor's job model in the shared vocabulary: its status (whose mapping to {@link JobState}
 * comes from the spec, see {@link JobStatusValue}), id, times and failure message. Declared once per vendor, next
 * to its job resource, and read by both the waiter and the vendor-neutral job view. Immutable.
 *
 * <pre>{@code
 * static final JobDescriptor<PreRecordedJob> JOB = JobDescriptor.builder("gladia", PreRecordedJob.class)
 *     .status("status", PreRecordedJob::getStatus)
 *     .id(job -> String.valueOf(job.getId()))
 *     .createdAt(PreRecordedJob::getCreatedAt)
 *     .completedAt(PreRecordedJob::getCompletedAt)
 *     .failureMessage(job -> job.getErrorCode() == null ? null : "error_code " + job.getErrorCode())
 *     .build();
 * }</pre>
 *
 * @param <T> the vendor's generated job model
 */
public final class JobDescriptor<T> {
  private final String vendor;
  private final Class<T> modelType;
  private final String statusField;
  private final Function<? super T, ? extends JobStatusValue> status;
  private final Function<? super T, String> id;
  private final Function<? super T, OffsetDateTime> createdAt;
  private final Function<? super T, OffsetDateTime> completedAt;
  private final Function<? super T, ?> failureMessage;

  private JobDescriptor(Builder<T> b) {
    this.vendor = Objects.requireNonNull(b.vendor, "vendor");
    this.modelType = Objects.requireNonNull(b.modelType, "modelType");
    this.statusField = Objects.requireNonNull(b.statusField, "status field: call status(...)");
    this.status = Objects.requireNonNull(b.status, "status");
    this.id = b.id;
    this.createdAt = b.createdAt;
    this.completedAt = b.completedAt;
    this.failureMessage = b.failureMessage;
  }

  /**
   * @param vendor the vendor name used in messages, e.g. {@code gladia}
   * @param modelType the generated job model
   */
  public static <T> Builder<T> builder(String vendor, Class<T> modelType) {
    return new Builder<>(vendor, modelType);
  }

  public String vendor() {
    return vendor;
  }

  public Class<T> modelType() {
    return modelType;
  }

  /** The JSON name of the job's status property, e.g. {@code status} or {@code job_status}. */
  public String statusField() {
    return statusField;
  }

  /** The job's state; {@link JobState#UNKNOWN} for a status the spec does not list, or none at all. */
  public JobState state(T job) {
    JobStatusValue value = job == null ? null : status.apply(job);
    return value == null ? JobState.UNKNOWN : value.jobState();
  }

  /**
   * The vendor's own status string: the enum's value, or for a status the spec does not list the string the
   * server sent (from {@link ApiResponse#unknownEnumValues()}); null when the job has no status.
   */
  public String rawStatus(ApiResponse<T> response) {
    T job = response.body();
    JobStatusValue value = job == null ? null : status.apply(job);
    if (value == null) {
      return null;
    }
    if (value.jobState() == JobState.UNKNOWN) {
      String raw = response.unknownEnumValues().get(statusField);
      if (raw != null) {
        return raw;
      }
    }
    return value.getValue();
  }

  /** The job's id as the vendor writes it; empty when the model has none. */
  public Optional<String> id(T job) {
    return id == null || job == null ? Optional.empty() : Optional.ofNullable(id.apply(job));
  }

  /** When the job was created, when the vendor says. */
  public Optional<OffsetDateTime> createdAt(T job) {
    return createdAt == null || job == null ? Optional.empty() : Optional.ofNullable(createdAt.apply(job));
  }

  /** When the job finished, when the vendor says. */
  public Optional<OffsetDateTime> completedAt(T job) {
    return completedAt == null || job == null ? Optional.empty() : Optional.ofNullable(completedAt.apply(job));
  }

  /**
   * Why the job failed, as the vendor says it: a string as is, anything else (an object, a list) as compact
   * JSON; empty when the job carries nothing (or the value is empty).
   */
  public Optional<String> failureMessage(T job) {
    return failureMessage == null || job == null ? Optional.empty() : Optional.ofNullable(text(failureMessage.apply(job)));
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Optional<?> o) {
      return text(o.orElse(null));
    }
    if (value instanceof CharSequence s) {
      return s.toString().isBlank() ? null : s.toString();
    }
    if ((value instanceof Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty())) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  @Override
  public String toString() {
    return "JobDescriptor{" + vendor + ", " + modelType.getSimpleName() + ", status=" + statusField + '}';
  }

  /** Fills a {@link JobDescriptor}; only {@link #status} is required. */
  public static final class Builder<T> {
    private final String vendor;
    private final Class<T> modelType;
    private String statusField;
    private Function<? super T, ? extends JobStatusValue> status;
    private Function<? super T, String> id;
    private Function<? super T, OffsetDateTime> createdAt;
    private Function<? super T, OffsetDateTime> completedAt;
    private Function<? super T, ?> failureMessage;

    private Builder(String vendor, Class<T> modelType) {
      this.vendor = vendor;
      this.modelType = modelType;
    }

    /**
     * The job's status: its JSON property name (to find the raw string of a status the spec does not list)
     * and its getter, whose generated enum carries the spec's {@code x-job-states} table.
     */
    public Builder<T> status(String jsonField, Function<? super T, ? extends JobStatusValue> getter) {
      this.statusField = Objects.requireNonNull(jsonField, "jsonField");
      this.status = Objects.requireNonNull(getter, "getter");
      return this;
    }

    public Builder<T> id(Function<? super T, String> getter) {
      this.id = getter;
      return this;
    }

    public Builder<T> createdAt(Function<? super T, OffsetDateTime> getter) {
      this.createdAt = getter;
      return this;
    }

    public Builder<T> completedAt(Function<? super T, OffsetDateTime> getter) {
      this.completedAt = getter;
      return this;
    }

    /** What says why a job failed: a string, or any value written as JSON (an error object, a list). */
    public Builder<T> failureMessage(Function<? super T, ?> getter) {
      this.failureMessage = getter;
      return this;
    }

    public JobDescriptor<T> build() {
      return new JobDescriptor<>(this);
    }
  }
}
