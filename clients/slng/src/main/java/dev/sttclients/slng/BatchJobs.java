package dev.sttclients.slng;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobResource;
import dev.sttclients.slng.api.BatchJobsApi;
import dev.sttclients.slng.model.BatchJob;

/**
 * SLNG's batch transcription jobs: the generated operations of {@link BatchJobsApi} ({@code get}, also with
 * {@code RequestOptions} and as {@code getWithResponse}) plus waiting for a job ({@link JobResource}).
 *
 * <pre>{@code
 * BatchJob job = slng.batchJobs().waitUntilDone("myjob123");   // FAILED or DELETED -> JobFailedException
 * }</pre>
 *
 * Thread-safe; obtain it from {@link SlngClient#batchJobs()}.
 */
public class BatchJobs extends BatchJobsApi implements JobResource<String, BatchJob> {
  /**
   * An SLNG job in the shared vocabulary: states from the spec's {@code x-job-states} (IN_PROGRESS, DECODING and
   * POST_PROCESSING are all RUNNING); the failure message is the job's {@code error_message.message}.
   */
  static final JobDescriptor<BatchJob> JOB = JobDescriptor.builder("slng", BatchJob.class)
      .status("status", BatchJob::getStatus)
      .id(BatchJob::getJobId)
      .createdAt(BatchJob::getSubmittedAt)
      .completedAt(BatchJob::getCompletedAt)
      .failureMessage(job -> job.getErrorMessage() == null ? null : job.getErrorMessage().getMessage())
      .build();

  BatchJobs(ClientRuntime runtime) {
    super(runtime);
  }

  @Override
  public JobDescriptor<BatchJob> jobDescriptor() {
    return JOB;
  }

  /** One poll: {@link #getWithResponse(String, RequestOptions)}. */
  @Override
  public ApiResponse<BatchJob> fetchJob(String jobId, RequestOptions options) {
    return getWithResponse(jobId, options);
  }
}
