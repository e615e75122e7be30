package dev.sttclients.cli;

import dev.sttclients.jobs.Job;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A job in the shared vocabulary, as one row of a table: the same columns for every vendor and command. */
record JobRow(String vendor, String id, JobState state, String status, OffsetDateTime createdAt,
    OffsetDateTime completedAt, String failureMessage) {

  static JobRow of(Job<?> job) {
    return new JobRow(job.vendor(), job.id(), job.state(), job.rawStatus(), job.createdAt().orElse(null),
        job.completedAt().orElse(null), job.failureMessage().orElse(null));
  }

  /**
   * A job model read without its response (a list item, a failed job from an exception), through the vendor's
   * descriptor. {@code rawStatus} overrides the status read from the model (e.g. the string the waiter saw).
   */
  static <T> JobRow of(JobDescriptor<T> descriptor, Object model, String rawStatus, String fallbackId) {
    T job = descriptor.modelType().cast(model);
    JobState state = descriptor.state(job);
    String raw = rawStatus != null ? rawStatus
        : descriptor.rawStatus(new ApiResponse<>(200, Map.of(), null, 1, job));
    return new JobRow(descriptor.vendor(), descriptor.id(job).orElse(fallbackId), state, raw,
        descriptor.createdAt(job).orElse(null), descriptor.completedAt(job).orElse(null),
        state.isUnsuccessful() ? descriptor.failureMessage(job).orElse(null) : null);
  }

  static Table table() {
    return new Table("VENDOR", "ID", "STATE", "STATUS", "CREATED", "COMPLETED", "MESSAGE");
  }

  static Table table(List<JobRow> rows) {
    Table t = table();
    rows.forEach(r -> r.addTo(t));
    return t;
  }

  void addTo(Table t) {
    t.row(vendor, id, state, status, Text.time(createdAt), Text.time(completedAt), failureMessage);
  }
}
