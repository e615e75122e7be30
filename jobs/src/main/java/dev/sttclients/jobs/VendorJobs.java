package dev.sttclients.jobs;

import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobResource;
import dev.sttclients.runtime.waiter.JobWaiter;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** {@link Jobs} over one vendor's {@link JobResource}. */
final class VendorJobs<I, T> implements Jobs<T> {
  private final JobResource<I, T> resource;
  private final JobDescriptor<T> descriptor;
  private final Function<String, I> parseId;
  private final String operation;
  private final String idField;

  VendorJobs(JobResource<I, T> resource, Function<String, I> parseId, String operation, String idField) {
    this.resource = Objects.requireNonNull(resource, "resource");
    this.descriptor = Objects.requireNonNull(resource.jobDescriptor(), "jobDescriptor");
    this.parseId = Objects.requireNonNull(parseId, "parseId");
    this.operation = operation;
    this.idField = idField;
  }

  @Override
  public String vendor() {
    return descriptor.vendor();
  }

  @Override
  public Job<T> get(String id, RequestOptions options) {
    I jobId = parse(id);
    return Job.of(descriptor, id, resource.fetchJob(jobId, options));
  }

  @Override
  public Job<T> waitUntilDone(String id, WaitOptions options) {
    I jobId = parse(id);
    return Job.of(descriptor, id, JobWaiter.waitUntilDone(descriptor, id, o -> resource.fetchJob(jobId, o), options));
  }

  @Override
  public CompletableFuture<Job<T>> waitUntilDoneAsync(String id, WaitOptions options) {
    I jobId;
    try {
      jobId = parse(id);
    } catch (RequestValidationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return JobWaiter.waitUntilDoneAsync(descriptor, id, o -> resource.fetchJob(jobId, o), options,
        response -> Job.of(descriptor, id, response));
  }

  /** The vendor's id from its string form; a string that is no id fails before anything is sent. */
  private I parse(String id) {
    if (id == null) {
      throw invalid("null", "must not be null");
    }
    try {
      return parseId.apply(id);
    } catch (NumberFormatException e) {
      throw invalid("'" + id + "'", "must be an integer");
    }
  }

  private RequestValidationException invalid(String value, String rule) {
    return new RequestValidationException(descriptor.vendor(), operation, List.of(new Violation(idField, value, rule)));
  }

  @Override
  public String toString() {
    return "Jobs{" + descriptor.vendor() + "}";
  }
}
