package dev.sttclients.daily;

import dev.sttclients.daily.api.BatchProcessorApi;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobResource;

/**
 * Daily's batch processor jobs: the generated operations of {@link BatchProcessorApi} ({@code get}, also with
 * {@code RequestOptions} and as {@code getWithResponse}) plus waiting for a job ({@link JobResource}).
 *
 * <pre>{@code
 * BatchProcessorJob job = daily.batchProcessor().waitUntilDone(jobId);   // "error" -> JobFailedException
 * }</pre>
 *
 * Thread-safe; obtain it from {@link DailyClient#batchProcessor()}.
 */
public class BatchProcessorJobs extends BatchProcessorApi implements JobResource<String, BatchProcessorJob> {
  /**
   * A Daily job in the shared vocabulary: states from the spec's {@code x-job-states} (submitted, processing,
   * finished, error); the failure message is the job's {@code error}. Daily's job carries no times.
   */
  static final JobDescriptor<BatchProcessorJob> JOB = JobDescriptor.builder("daily", BatchProcessorJob.class)
      .status("status", BatchProcessorJob::getStatus)
      .id(BatchProcessorJob::getId)
      .failureMessage(BatchProcessorJob::getError)
      .build();

  BatchProcessorJobs(ClientRuntime runtime) {
    super(runtime);
  }

  @Override
  public JobDescriptor<BatchProcessorJob> jobDescriptor() {
    return JOB;
  }

  /** One poll: {@link #getWithResponse(String, RequestOptions)}. */
  @Override
  public ApiResponse<BatchProcessorJob> fetchJob(String jobId, RequestOptions options) {
    return getWithResponse(jobId, options);
  }
}
