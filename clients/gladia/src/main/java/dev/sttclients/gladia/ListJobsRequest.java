package dev.sttclients.gladia;

import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The filters and the window of a job listing ({@code GET /v2/pre-recorded}). Immutable; every field is
 * optional and an unset field is left out of the request (the server's default applies: offset 0, limit 20).
 *
 * <pre>{@code
 * ListJobsRequest request = ListJobsRequest.builder()
 *     .limit(50)
 *     .statuses(JobStatus.DONE)
 *     .afterDate(OffsetDateTime.parse("2026-01-01T00:00:00Z"))
 *     .putCustomMetadata("userId", "abc123")
 *     .build();
 * }</pre>
 *
 * <p>The spec's ranges ({@code offset >= 0}, {@code limit >= 1}) are checked when the request is used, by the
 * same validation as every generated operation: {@link RequestValidationException} naming the parameter,
 * nothing sent. Values the builder can tell are wrong at once (a malformed {@code date} string, an unknown
 * status, a metadata key with brackets) fail in the builder with the same exception.
 */
public final class ListJobsRequest {
  private static final String VENDOR = "gladia";
  private static final String OPERATION = "list";

  private final Integer offset;
  private final Integer limit;
  private final LocalDate date;
  private final OffsetDateTime beforeDate;
  private final OffsetDateTime afterDate;
  private final List<JobStatus> statuses;
  private final Map<String, String> customMetadata;

  private ListJobsRequest(Builder b) {
    this.offset = b.offset;
    this.limit = b.limit;
    this.date = b.date;
    this.beforeDate = b.beforeDate;
    this.afterDate = b.afterDate;
    this.statuses = List.copyOf(b.statuses);
    this.customMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.customMetadata));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.offset = offset;
    b.limit = limit;
    b.date = date;
    b.beforeDate = beforeDate;
    b.afterDate = afterDate;
    b.statuses.addAll(statuses);
    b.customMetadata.putAll(customMetadata);
    return b;
  }

  /** Pagination start ({@code offset}). */
  public OptionalInt offset() {
    return offset == null ? OptionalInt.empty() : OptionalInt.of(offset);
  }

  /** Max items per page ({@code limit}). */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /** Only jobs created on this day ({@code date}). */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /** Only jobs created before this instant ({@code before_date}). */
  public Optional<OffsetDateTime> beforeDate() {
    return Optional.ofNullable(beforeDate);
  }

  /** Only jobs created after this instant ({@code after_date}). */
  public Optional<OffsetDateTime> afterDate() {
    return Optional.ofNullable(afterDate);
  }

  /** Only jobs in one of these statuses ({@code status}); empty for any status. */
  public List<JobStatus> statuses() {
    return statuses;
  }

  /** Only jobs whose custom metadata has all these pairs ({@code custom_metadata}); empty for no filter. */
  public Map<String, String> customMetadata() {
    return customMetadata;
  }

  // Raw values for the generated operation: null means "leave the parameter out".
  Integer offsetOrNull() {
    return offset;
  }

  Integer limitOrNull() {
    return limit;
  }

  LocalDate dateOrNull() {
    return date;
  }

  OffsetDateTime beforeDateOrNull() {
    return beforeDate;
  }

  OffsetDateTime afterDateOrNull() {
    return afterDate;
  }

  List<JobStatus> statusesOrNull() {
    return statuses.isEmpty() ? null : statuses;
  }

  Map<String, String> customMetadataOrNull() {
    return customMetadata.isEmpty() ? null : customMetadata;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListJobsRequest r && Objects.equals(offset, r.offset) && Objects.equals(limit, r.limit)
        && Objects.equals(date, r.date) && Objects.equals(beforeDate, r.beforeDate)
        && Objects.equals(afterDate, r.afterDate) && statuses.equals(r.statuses)
        && customMetadata.equals(r.customMetadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(offset, limit, date, beforeDate, afterDate, statuses, customMetadata);
  }

  @Override
  public String toString() {
    return "ListJobsRequest{offset=" + offset + ", limit=" + limit + ", date=" + date + ", beforeDate=" + beforeDate
        + ", afterDate=" + afterDate + ", statuses=" + statuses + ", customMetadata=" + customMetadata + '}';
  }

  private static RequestValidationException invalid(String field, Object value, String rule) {
    String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    return new RequestValidationException(VENDOR, OPERATION, List.of(new Violation(field, shown, rule)));
  }

  /** Builds a {@link ListJobsRequest}. Setters replace; {@code add...}/{@code put...} accumulate. */
  public static final class Builder {
    private Integer offset;
    private Integer limit;
    private LocalDate date;
    private OffsetDateTime beforeDate;
    private OffsetDateTime afterDate;
    private final List<JobStatus> statuses = new ArrayList<>();
    private final Map<String, String> customMetadata = new LinkedHashMap<>();

    private Builder() {}

    /** Pagination start, 0 or more; null to leave it to the server (0). */
    public Builder offset(Integer offset) {
      this.offset = offset;
      return this;
    }

    /** Max items per page, 1 or more; null to leave it to the server (20). */
    public Builder limit(Integer limit) {
      this.limit = limit;
      return this;
    }

    /** Only jobs created on this day; null for no day filter. */
    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * Only jobs created on this day, written {@code YYYY-MM-DD}.
     *
     * @throws RequestValidationException naming {@code date} when the text is not such a day
     */
    public Builder date(String day) {
      if (day == null) {
        return date((LocalDate) null);
      }
      try {
        return date(LocalDate.parse(day));
      } catch (DateTimeParseException e) {
        throw invalid("date", day, "must be a day written YYYY-MM-DD");
      }
    }

    /** Only jobs created before this date-time; null for no bound. */
    public Builder beforeDate(OffsetDateTime beforeDate) {
      this.beforeDate = beforeDate;
      return this;
    }

    /** Only jobs created before this instant (sent in UTC). */
    public Builder beforeDate(Instant beforeDate) {
      return beforeDate(beforeDate == null ? null : beforeDate.atOffset(ZoneOffset.UTC));
    }

    /**
     * Only jobs created before this ISO 8601 date-time with an offset, e.g. {@code 2026-06-01T00:00:00Z}.
     *
     * @throws RequestValidationException naming {@code before_date} when the text is not such a date-time
     */
    public Builder beforeDate(String beforeDate) {
      return beforeDate(parseDateTime("before_date", beforeDate));
    }

    /** Only jobs created after this date-time; null for no bound. */
    public Builder afterDate(OffsetDateTime afterDate) {
      this.afterDate = afterDate;
      return this;
    }

    /** Only jobs created after this instant (sent in UTC). */
    public Builder afterDate(Instant afterDate) {
      return afterDate(afterDate == null ? null : afterDate.atOffset(ZoneOffset.UTC));
    }

    /**
     * Only jobs created after this ISO 8601 date-time with an offset, e.g. {@code 2026-01-01T00:00:00Z}.
     *
     * @throws RequestValidationException naming {@code after_date} when the text is not such a date-time
     */
    public Builder afterDate(String afterDate) {
      return afterDate(parseDateTime("after_date", afterDate));
    }

    /** Only jobs in one of these statuses (replaces any set before). */
    public Builder statuses(Collection<JobStatus> statuses) {
      this.statuses.clear();
      Objects.requireNonNull(statuses, "statuses").forEach(this::addStatus);
      return this;
    }

    /** Only jobs in one of these statuses (replaces any set before). */
    public Builder statuses(JobStatus... statuses) {
      return statuses(Arrays.asList(statuses));
    }

    /**
     * Adds a status to filter on.
     *
     * @throws RequestValidationException naming {@code status} for {@code UNKNOWN_DEFAULT_OPEN_API}, which only
     *     stands for a value this client does not know and cannot be sent
     */
    public Builder addStatus(JobStatus status) {
      Objects.requireNonNull(status, "status");
      if (status == JobStatus.UNKNOWN_DEFAULT_OPEN_API) {
        throw invalid("status", status.name(), "must be one of queued, processing, done, error");
      }
      if (!statuses.contains(status)) {
        statuses.add(status);
      }
      return this;
    }

    /** Only jobs with exactly these custom metadata pairs (replaces any set before). */
    public Builder customMetadata(Map<String, String> pairs) {
      customMetadata.clear();
      return putAllCustomMetadata(pairs);
    }

    /**
     * Adds one custom metadata pair to match; sent as {@code custom_metadata[key]=value}.
     *
     * @throws RequestValidationException naming {@code custom_metadata} for an empty key or one with
     *     {@code [} or {@code ]}, which the wire form cannot carry unambiguously
     */
    public Builder putCustomMetadata(String key, String value) {
      Objects.requireNonNull(key, "custom_metadata key");
      Objects.requireNonNull(value, "custom_metadata value");
      if (key.isEmpty() || key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
        throw invalid("custom_metadata", key, "keys must be non-empty and contain no '[' or ']'");
      }
      customMetadata.put(key, value);
      return this;
    }

    /** Adds custom metadata pairs to match. */
    public Builder putAllCustomMetadata(Map<String, String> pairs) {
      Objects.requireNonNull(pairs, "customMetadata").forEach(this::putCustomMetadata);
      return this;
    }

    public ListJobsRequest build() {
      return new ListJobsRequest(this);
    }

    private static OffsetDateTime parseDateTime(String field, String text) {
      if (text == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw invalid(field, text, "must be an ISO 8601 date-time with an offset, e.g. 2026-01-01T00:00:00Z");
      }
    }
  }
}
