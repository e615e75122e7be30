package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.ErrorResponse;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** A fake vendor for waiter tests: a status enum with a state table, a job model, and scripted polls. */
final class Scripted {
  private Scripted() {}

  /** Stands in for a generated status enum carrying x-job-states. */
  enum Status implements JobStatusValue {
    QUEUED("queued", JobState.QUEUED),
    PROCESSING("processing", JobState.RUNNING),
    DONE("done", JobState.SUCCEEDED),
    ERROR("error", JobState.FAILED),
    CANCELED("canceled", JobState.CANCELED),
    GONE("gone", JobState.DELETED),
    UNKNOWN_DEFAULT_OPEN_API("unknown_default_open_api", JobState.UNKNOWN);

    private final String value;
    private final JobState state;

    Status(String value, JobState state) {
      this.value = value;
      this.state = state;
    }

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public JobState jobState() {
      return state;
    }
  }

  record Job(String id, Status status, String error) {}

  static final JobDescriptor<Job> JOB = JobDescriptor.builder("fake", Job.class)
      .status("status", Job::status)
      .id(Job::id)
      .failureMessage(Job::error)
      .build();

  static Supplier<ApiResponse<Job>> job(Status status) {
    return () -> new ApiResponse<>(200, Map.of(), null, 1, new Job("j1", status, status == Status.ERROR ? "boom" : null));
  }

  /** A status the spec does not list: the model holds the unknown constant, the response the raw string. */
  static Supplier<ApiResponse<Job>> unknown(String raw) {
    return () -> new ApiResponse<>(200, Map.of(), null, 1, new Job("j1", Status.UNKNOWN_DEFAULT_OPEN_API, null),
        Map.of("status", raw));
  }

  static Supplier<ApiResponse<Job>> fails(Supplier<RuntimeException> error) {
    return () -> {
      throw error.get();
    };
  }

  static ErrorResponse response(int status, Map<String, List<String>> headers) {
    return new ErrorResponse("fake", "get", status, headers, "", null, null, null, null, 1);
  }

  static RateLimitException tooManyRequests(long retryAfterSeconds) {
    return new RateLimitException(response(429, Map.of("retry-after", List.of(String.valueOf(retryAfterSeconds)))),
        Duration.ofSeconds(retryAfterSeconds));
  }

  static ServerException serverError(int status) {
    return new ServerException(response(status, Map.of()));
  }

  static ServerException unavailable(long retryAfterSeconds) {
    return new ServerException(response(503, Map.of("retry-after", List.of(String.valueOf(retryAfterSeconds)))));
  }

  static NotFoundException notFound() {
    return new NotFoundException(response(404, Map.of()));
  }

  static UnexpectedStatusException requestTimeout() {
    return new UnexpectedStatusException(response(408, Map.of()));
  }

  static ConnectionException reset() {
    return new ConnectionException("fake", "fake get: connection reset", 3, null);
  }

  /** Plays the steps in order, then repeats the last one forever; counts polls. */
  static final class Script implements Function<RequestOptions, ApiResponse<Job>> {
    private final List<Supplier<ApiResponse<Job>>> steps;
    final AtomicInteger polls = new AtomicInteger();
    final List<RequestOptions> options = new ArrayList<>();

    @SafeVarargs
    Script(Supplier<ApiResponse<Job>>... steps) {
      this.steps = Arrays.asList(steps);
    }

    @Override
    public synchronized ApiResponse<Job> apply(RequestOptions o) {
      options.add(o);
      int n = polls.getAndIncrement();
      return steps.get(Math.min(n, steps.size() - 1)).get();
    }
  }
}
