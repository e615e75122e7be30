package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.internal.WaiterThreads;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Waits for a job to finish, the same way for every vendor: given how to fetch the job ({@code poll}) and how to
 * read it ({@link JobDescriptor}), it polls until the job reaches a terminal {@link JobState}. Vendors expose it
 * as {@code waitUntilDone} on their job resource ({@link JobResource}); this class is the engine, usable with any
 * fetch function.
 *
 * <h2>What ends a wait</h2>
 * <table>
 *   <caption>Outcomes</caption>
 *   <tr><th>the poll sees</th><th>the waiter</th></tr>
 *   <tr><td>{@link JobState#SUCCEEDED}</td><td>returns the last response (its body is the finished job)</td></tr>
 *   <tr><td>{@link JobState#FAILED}, {@link JobState#CANCELED}, {@link JobState#DELETED}</td><td>throws
 *       {@link dev.sttclients.runtime.errors.JobFailedException} with the typed job, its raw status and the vendor's
 *       failure message</td></tr>
 *   <tr><td>{@link JobState#QUEUED}, {@link JobState#RUNNING}, {@link JobState#UNKNOWN} (a status the spec does not
 *       list)</td><td>waits, then polls again</td></tr>
 *   <tr><td>{@link dev.sttclients.runtime.errors.RateLimitException} (429, after the client's own retries)</td>
 *       <td>waits at least its {@code Retry-After}, then polls again; not counted as an error</td></tr>
 *   <tr><td>5xx but 501, 408, connection failure or timeout (after the client's own retries)</td><td>waits (at
 *       least a 503's {@code Retry-After}) and polls again, up to {@link WaitOptions#maxConsecutiveErrors()} such
 *       polls in a row; then throws that error</td></tr>
 *   <tr><td>any other error (404, 401, a malformed body, ...)</td><td>throws it as is</td></tr>
 *   <tr><td>no time left before the deadline, or a {@code Retry-After} that ends after it</td><td>throws
 *       {@link dev.sttclients.runtime.errors.WaiterTimeoutException} (last state seen, number of polls)</td></tr>
 *   <tr><td>the thread is interrupted</td><td>throws {@link dev.sttclients.runtime.errors.WaitInterruptedException};
 *       the interrupt flag stays set</td></tr>
 * </table>
 *
 * <h2>When it polls</h2>
 * The first poll is immediate. After poll {@code n} the waiter waits {@code min(ceiling, floor * multiplier^(n-1))},
 * shortened at random by up to the jitter fraction but never below the floor (defaults: 1 s, 2, 4, 8, 16, then 30 s,
 * each up to 20 % shorter), or the vendor's {@code Retry-After} when that is longer. It never waits past the
 * deadline: the last poll happens at the deadline at the latest. A poll under way is not cut short; the client's
 * timeouts bound it.
 *
 * <h2>Asynchronous waits</h2>
 * {@link #waitUntilDoneAsync} returns at once. Each poll (a blocking HTTP call) runs on the poll executor; between
 * polls the wait is only a task in the scheduler's queue, so no thread is held per job and thousands of waits can
 * run at once on a few threads. Cancelling the future stops the polling (a poll under way finishes, no further one
 * starts). The future completes on the poll executor's thread: chain heavy work with the {@code ...Async} methods.
 */
public final class JobWaiter {
  /** Threads of the shared default poll executor of asynchronous waits. */
  public static final int DEFAULT_POLL_THREADS = 8;

  private JobWaiter() {}

  /**
   * Polls until the job is finished and returns the last response.
   *
   * @param job how to read the vendor's job
   * @param jobId the job's id, for messages and events
   * @param poll fetches the job once, with the given per-call options
   * @throws dev.sttclients.runtime.errors.JobFailedException the job failed, was canceled or deleted
   * @throws dev.sttclients.runtime.errors.WaiterTimeoutException the deadline passed
   * @throws dev.sttclients.runtime.errors.WaitInterruptedException the thread was interrupted (flag kept)
   * @throws dev.sttclients.runtime.errors.SttException a poll failed for good (see the class comment)
   */
  public static <T> ApiResponse<T> waitUntilDone(JobDescriptor<T> job, String jobId,
      Function<RequestOptions, ApiResponse<T>> poll, WaitOptions options) {
    Wait<T> wait = new Wait<>(job, jobId, poll, options);
    while (true) {
      Wait.Step<T> step = wait.pollOnce();
      if (step instanceof Wait.Done<T> done) {
        return done.response();
      }
      if (step instanceof Wait.Fail<T> fail) {
        throw fail.error();
      }
      Duration delay = ((Wait.Sleep<T>) step).delay();
      try {
        options.sleeper().sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw wait.interrupted("interrupted while waiting to poll again", e);
      }
    }
  }

  /**
   * As {@link #waitUntilDone}, without blocking: the future completes with the last response, or exceptionally
   * with the same exceptions. See the class comment.
   */
  public static <T> CompletableFuture<ApiResponse<T>> waitUntilDoneAsync(JobDescriptor<T> job, String jobId,
      Function<RequestOptions, ApiResponse<T>> poll, WaitOptions options) {
    return waitUntilDoneAsync(job, jobId, poll, options, Function.identity());
  }

  /**
   * As {@link #waitUntilDoneAsync(JobDescriptor, String, Function, WaitOptions)}, completing with
   * {@code finish} applied to the last response (on the poll thread). Cancelling the returned future stops the
   * polling (a future derived with {@code thenApply} would not pass a cancellation back).
   */
  public static <T, R> CompletableFuture<R> waitUntilDoneAsync(JobDescriptor<T> job, String jobId,
      Function<RequestOptions, ApiResponse<T>> poll, WaitOptions options, Function<ApiResponse<T>, R> finish) {
    Objects.requireNonNull(finish, "finish");
    Wait<T> wait = new Wait<>(job, jobId, poll, options);
    AsyncWait<T, R> async = new AsyncWait<>(wait, finish,
        options.scheduler().orElseGet(WaiterThreads::scheduler),
        options.executor().orElseGet(WaiterThreads::executor));
    async.start();
    return async.future;
  }

  /** Drives one wait on a scheduler and an executor; one poll at a time, no thread held in between. */
  private static final class AsyncWait<T, R> implements Runnable {
    final CompletableFuture<R> future = new CompletableFuture<>();
    private final Wait<T> wait;
    private final Function<ApiResponse<T>, R> finish;
    private final PollScheduler scheduler;
    private final Executor executor;
    private final AtomicReference<Future<?>> pending = new AtomicReference<>();

    AsyncWait(Wait<T> wait, Function<ApiResponse<T>, R> finish, PollScheduler scheduler, Executor executor) {
      this.wait = wait;
      this.finish = finish;
      this.scheduler = scheduler;
      this.executor = executor;
    }

    void start() {
      future.whenComplete((response, error) -> {
        Future<?> next = pending.get();
        if (next != null) {
          next.cancel(false); // cancellation (or any completion) stops the polling
        }
      });
      submit();
    }

    /** Hands the next poll to the executor. */
    private void submit() {
      if (future.isDone()) {
        return;
      }
      try {
        executor.execute(this);
      } catch (RejectedExecutionException e) {
        future.completeExceptionally(wait.interrupted("the poll executor refused the next poll", e));
      }
    }

    @Override
    public void run() {
      if (future.isDone()) {
        return;
      }
      Wait.Step<T> step;
      R result = null;
      try {
        step = wait.pollOnce();
        if (step instanceof Wait.Done<T> done) {
          result = finish.apply(done.response());
        }
      } catch (Throwable listenerOrBug) {
        future.completeExceptionally(listenerOrBug);
        return;
      }
      if (step instanceof Wait.Done<T>) {
        future.complete(result);
      } else if (step instanceof Wait.Fail<T> fail) {
        future.completeExceptionally(fail.error());
      } else {
        Duration delay = ((Wait.Sleep<T>) step).delay();
        try {
          pending.set(scheduler.schedule(this::submit, delay));
        } catch (RejectedExecutionException e) {
          future.completeExceptionally(wait.interrupted("the scheduler refused the next poll", e));
          return;
        }
        if (future.isDone()) {
          pending.get().cancel(false); // cancelled while this poll ran
        }
      }
    }
  }
}
