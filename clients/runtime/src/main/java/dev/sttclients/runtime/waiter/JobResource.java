package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * A vendor's job resource (e.g. {@code gladia.preRecorded()}, {@code verbit.jobs()}): how to fetch one job and
 * read it; waiting for it comes with the interface, the same for every vendor.
 *
 * <pre>{@code
 * PreRecordedJob done = gladia.preRecorded().waitUntilDone(id);                         // defaults: 1 s..30 s, 1 h
 * PreRecordedJob done = gladia.preRecorded().waitUntilDone(id, WaitOptions.builder()
 *     .timeout(Duration.ofMinutes(10)).listener(e -> log.info("{}", e)).build());
 * CompletableFuture<PreRecordedJob> later = gladia.preRecorded().waitUntilDoneAsync(id);  // holds no thread
 * }</pre>
 *
 * A returned job is always finished with a result ({@link JobState#SUCCEEDED}); a job that failed, was canceled or
 * deleted throws {@link dev.sttclients.runtime.errors.JobFailedException}, which carries the job. See
 * {@link JobWaiter} for what else ends a wait.
 *
 * @param <I> the vendor's job id type
 * @param <T> the vendor's generated job model
 */
public interface JobResource<I, T> {

  /** How this vendor's job model reads in the shared vocabulary. */
  JobDescriptor<T> jobDescriptor();

  /** Fetches the job once, with its response metadata: one poll of a wait (the resource's own get/info call). */
  ApiResponse<T> fetchJob(I jobId, RequestOptions options);

  /** Waits with {@link WaitOptions#defaults()} and returns the finished job. */
  default T waitUntilDone(I jobId) {
    return waitUntilDone(jobId, WaitOptions.defaults());
  }

  /**
   * Polls the job until it is finished and returns it.
   *
   * @throws dev.sttclients.runtime.errors.JobFailedException the job failed, was canceled or deleted (carries it)
   * @throws dev.sttclients.runtime.errors.WaiterTimeoutException not finished within {@link WaitOptions#timeout()}
   * @throws dev.sttclients.runtime.errors.WaitInterruptedException the thread was interrupted (flag kept)
   * @throws dev.sttclients.runtime.errors.SttException a poll failed for good (404, 401, too many 5xx in a row, ...)
   */
  default T waitUntilDone(I jobId, WaitOptions options) {
    return waitUntilDoneWithResponse(jobId, options).body();
  }

  /** As {@link #waitUntilDone(Object, WaitOptions)}, returning the last poll's response (headers, request id). */
  default ApiResponse<T> waitUntilDoneWithResponse(I jobId, WaitOptions options) {
    return JobWaiter.waitUntilDone(jobDescriptor(), String.valueOf(jobId), o -> fetchJob(jobId, o), options);
  }

  /** Waits without blocking, with {@link WaitOptions#defaults()}. */
  default CompletableFuture<T> waitUntilDoneAsync(I jobId) {
    return waitUntilDoneAsync(jobId, WaitOptions.defaults());
  }

  /**
   * Waits without blocking and without holding a thread between polls; the future completes with the finished job
   * or exceptionally with the exceptions of {@link #waitUntilDone(Object, WaitOptions)}. Cancelling it stops the
   * polling.
   */
  default CompletableFuture<T> waitUntilDoneAsync(I jobId, WaitOptions options) {
    return JobWaiter.waitUntilDoneAsync(jobDescriptor(), String.valueOf(jobId), o -> fetchJob(jobId, o), options,
        ApiResponse::body);
  }
}
