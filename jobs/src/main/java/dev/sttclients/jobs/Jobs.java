package dev.sttclients.jobs;

import dev.sttclients.daily.DailyClient;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.waiter.JobResource;
import dev.sttclients.runtime.waiter.WaitOptions;
import dev.sttclients.slng.SlngClient;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.verbit.VerbitClient;
import dev.sttclients.verbit.model.JobInfo;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Any vendor's transcription jobs through one interface: where is this job, and wait for it.
 *
 * <pre>{@code
 * Jobs<?> jobs = Jobs.of(client);                 // a GladiaClient, DailyClient, SlngClient or VerbitClient
 * Job<?> job = jobs.get(id);                      // job.state() QUEUED / RUNNING / SUCCEEDED / FAILED / ...
 * Job<?> done = jobs.waitUntilDone(id, WaitOptions.builder().timeout(Duration.ofMinutes(30)).build());
 * CompletableFuture<? extends Job<?>> later = jobs.waitUntilDoneAsync(id);   // no thread held while waiting
 * }</pre>
 *
 * Ids are strings for every vendor (Verbit's numeric ids too). Waiting behaves as the vendor's own
 * {@code waitUntilDone} ({@link dev.sttclients.runtime.waiter.JobWaiter}): a returned job has succeeded; a failed,
 * canceled or deleted job throws {@link dev.sttclients.runtime.errors.JobFailedException}. Thread-safe; shares the
 * client's connections (close the client, not this).
 *
 * @param <T> the vendor's generated job model
 */
public interface Jobs<T> {

  /** Gladia pre-recorded jobs ({@code gladia.preRecorded()}). */
  static Jobs<PreRecordedJob> of(GladiaClient gladia) {
    return new VendorJobs<>(gladia.preRecorded(), Function.identity(), "get", "id");
  }

  /** Daily batch processor jobs ({@code daily.batchProcessor()}). */
  static Jobs<BatchProcessorJob> of(DailyClient daily) {
    return new VendorJobs<>(daily.batchProcessor(), Function.identity(), "get", "id");
  }

  /** SLNG batch jobs ({@code slng.batchJobs()}). */
  static Jobs<BatchJob> of(SlngClient slng) {
    return new VendorJobs<>(slng.batchJobs(), Function.identity(), "get", "job_id");
  }

  /** Verbit jobs ({@code verbit.jobs()}); ids are the decimal job ids. */
  static Jobs<JobInfo> of(VerbitClient verbit) {
    return new VendorJobs<>(verbit.jobs(), Long::valueOf, "info", "job_id");
  }

  /**
   * The jobs of whichever vendor {@code client} is for.
   *
   * @throws IllegalArgumentException for a client this module does not know
   */
  static Jobs<?> of(SttClient client) {
    if (client instanceof GladiaClient gladia) {
      return of(gladia);
    }
    if (client instanceof DailyClient daily) {
      return of(daily);
    }
    if (client instanceof SlngClient slng) {
      return of(slng);
    }
    if (client instanceof VerbitClient verbit) {
      return of(verbit);
    }
    throw new IllegalArgumentException("no job view for " + (client == null ? "null" : client.getClass().getName()));
  }

  /** The vendor, e.g. {@code gladia}. */
  String vendor();

  /** Fetches the job once: where is it now. A failed job is returned, not thrown. */
  default Job<T> get(String id) {
    return get(id, RequestOptions.none());
  }

  /**
   * As {@link #get(String)}, with per-call options.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException a malformed id; nothing was sent
   * @throws dev.sttclients.runtime.errors.SttException the vendor's errors, e.g. NotFoundException
   */
  Job<T> get(String id, RequestOptions options);

  /** Waits with {@link WaitOptions#defaults()}. */
  default Job<T> waitUntilDone(String id) {
    return waitUntilDone(id, WaitOptions.defaults());
  }

  /**
   * Polls until the job is finished and returns it (state {@code SUCCEEDED}).
   *
   * @throws dev.sttclients.runtime.errors.JobFailedException FAILED, CANCELED or DELETED (carries the typed job)
   * @throws dev.sttclients.runtime.errors.WaiterTimeoutException not finished within the timeout
   * @throws dev.sttclients.runtime.errors.WaitInterruptedException the thread was interrupted (flag kept)
   */
  Job<T> waitUntilDone(String id, WaitOptions options);

  /** Waits without blocking, with {@link WaitOptions#defaults()}. */
  default CompletableFuture<Job<T>> waitUntilDoneAsync(String id) {
    return waitUntilDoneAsync(id, WaitOptions.defaults());
  }

  /**
   * Waits without blocking and without holding a thread between polls; cancelling the future stops the polling.
   * A malformed id completes the future exceptionally with
   * {@link dev.sttclients.runtime.errors.RequestValidationException}.
   */
  CompletableFuture<Job<T>> waitUntilDoneAsync(String id, WaitOptions options);

  /**
   * The view over any {@link JobResource}, e.g. a vendor added after this module: {@code parseId} turns the
   * string id into the resource's id type.
   */
  static <I, T> Jobs<T> of(JobResource<I, T> resource, Function<String, I> parseId) {
    return new VendorJobs<>(resource, parseId, "get", "id");
  }
}
