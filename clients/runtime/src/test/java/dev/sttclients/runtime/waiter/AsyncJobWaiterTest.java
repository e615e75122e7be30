package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.testing.FakeTime;
import static dev.sttclients.runtime.waiter.Scripted.Status.DONE;
import static dev.sttclients.runtime.waiter.Scripted.Status.ERROR;
import static dev.sttclients.runtime.waiter.Scripted.Status.PROCESSING;
import static dev.sttclients.runtime.waiter.Scripted.Status.QUEUED;
import static dev.sttclients.runtime.waiter.Scripted.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.WaitInterruptedException;
import dev.sttclients.runtime.errors.WaiterTimeoutException;
import dev.sttclients.runtime.waiter.Scripted.Job;
import dev.sttclients.runtime.waiter.Scripted.Script;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The asynchronous waiter on a virtual-time scheduler: no test here waits on the wall clock for a poll interval. */
class AsyncJobWaiterTest {
  private static final Executor DIRECT = Runnable::run;
  private final FakeTime time = new FakeTime();
  private final VirtualScheduler scheduler = new VirtualScheduler(time);

  private WaitOptions.Builder options(Executor executor) {
    return WaitOptions.builder().minPollInterval(Duration.ofSeconds(1)).maxPollInterval(Duration.ofSeconds(10))
        .timeout(Duration.ofSeconds(60)).jitter(0).clock(time).scheduler(scheduler).executor(executor);
  }

  private CompletableFuture<ApiResponse<Job>> start(Function<RequestOptions, ApiResponse<Job>> poll, WaitOptions o) {
    return JobWaiter.waitUntilDoneAsync(Scripted.JOB, "j1", poll, o);
  }

  @Test
  void completesWithTheFinishedJobAfterVirtualWaits() throws Exception {
    Script script = new Script(job(QUEUED), job(PROCESSING), job(DONE));
    CompletableFuture<ApiResponse<Job>> future = start(script, options(DIRECT).build());

    assertFalse(future.isDone());
    assertEquals(1, scheduler.pending()); // between polls the wait is a queued task, not a thread
    scheduler.runUntil(future::isDone);

    assertEquals(DONE, future.get().body().status());
    assertEquals(3, script.polls.get());
    assertEquals(Duration.ofSeconds(3), time.elapsed());
  }

  @Test
  void theFirstPollRunsOnTheExecutorNotOnTheCaller() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch release = new CountDownLatch(1);
      Script script = new Script(() -> {
        await(release);
        return job(DONE).get();
      });
      CompletableFuture<ApiResponse<Job>> future = start(script, options(pool).build());
      assertFalse(future.isDone()); // the caller returned while the poll is still blocked
      release.countDown();
      assertEquals(DONE, future.get(10, TimeUnit.SECONDS).body().status());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failureAndTimeoutCompleteTheFutureExceptionally() throws Exception {
    CompletableFuture<ApiResponse<Job>> failed = start(new Script(job(QUEUED), job(ERROR)), options(DIRECT).build());
    scheduler.runUntil(failed::isDone);
    ExecutionException e = assertThrows(ExecutionException.class, failed::get);
    assertEquals(JobState.FAILED, assertInstanceOf(JobFailedException.class, e.getCause()).state());

    Script forever = new Script(job(PROCESSING));
    CompletableFuture<ApiResponse<Job>> late = start(forever, options(DIRECT).build());
    scheduler.runUntil(late::isDone);
    WaiterTimeoutException t = assertInstanceOf(WaiterTimeoutException.class,
        assertThrows(ExecutionException.class, late::get).getCause());
    assertEquals(10, t.polls());
    assertEquals(10, forever.polls.get());
  }

  @Test
  void cancellingTheFutureStopsThePolling() throws Exception {
    Script script = new Script(job(PROCESSING));
    CompletableFuture<ApiResponse<Job>> future = start(script, options(DIRECT).build());
    assertEquals(1, scheduler.pending());

    assertTrue(future.cancel(true));

    assertEquals(0, scheduler.pending()); // the next poll is unscheduled
    scheduler.runUntil(() -> scheduler.pending() == 0);
    assertEquals(1, script.polls.get());
  }

  @Test
  void cancellingWhileAPollIsUnderWaySchedulesNothingMore() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Script script = new Script(() -> {
          polling.countDown();
          await(release);
          return job(PROCESSING).get();
        });
        CompletableFuture<ApiResponse<Job>> future = start(script, options(pool).build());
        polling.await();
        future.cancel(true);
        release.countDown();
        // The poll finishes and schedules its successor, sees the cancellation and unschedules it.
        scheduler.await(() -> scheduler.scheduled() == 1 && scheduler.pending() == 0);
        assertEquals(1, script.polls.get());
      } finally {
        pool.shutdownNow();
      }
    });
  }

  @Test
  void aRefusingExecutorOrSchedulerEndsTheWaitWithATypedException() throws Exception {
    Executor refusing = r -> {
      throw new RejectedExecutionException("shut down");
    };
    Script script = new Script(job(DONE));
    WaitInterruptedException e = assertInstanceOf(WaitInterruptedException.class,
        assertThrows(ExecutionException.class, () -> start(script, options(refusing).build()).get()).getCause());
    assertEquals(0, e.polls());
    assertInstanceOf(RejectedExecutionException.class, e.getCause());

    PollScheduler shutDown = (task, delay) -> {
      throw new RejectedExecutionException("shut down");
    };
    Script queued = new Script(job(QUEUED));
    WaitInterruptedException s = assertInstanceOf(WaitInterruptedException.class, assertThrows(
        ExecutionException.class, () -> start(queued, options(DIRECT).scheduler(shutDown).build()).get()).getCause());
    assertEquals(1, s.polls());
    assertEquals(JobState.QUEUED, s.lastState().orElseThrow());
  }

  @Test
  void aListenerThatThrowsCompletesTheFutureWithIt() {
    IllegalStateException stop = new IllegalStateException("stop");
    CompletableFuture<ApiResponse<Job>> future = start(new Script(job(QUEUED)), options(DIRECT).listener(ev -> {
      throw stop;
    }).build());
    assertSame(stop, assertThrows(ExecutionException.class, future::get).getCause());
    assertEquals(0, scheduler.pending());
  }

  @Test
  void tenThousandJobsAtOnceOnFourThreads() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      int jobs = 10_000;
      int threads = 4;
      AtomicInteger threadNumber = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> new Thread(r, "test-poll-" + threadNumber.incrementAndGet()));
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      int baseline = mx.getThreadCount();
      mx.resetPeakThreadCount();
      try {
        Set<Thread> pollThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        WaitOptions o = WaitOptions.builder().minPollInterval(Duration.ofSeconds(1))
            .maxPollInterval(Duration.ofSeconds(30)).jitter(0.2).timeout(Duration.ofHours(1)).clock(time)
            .scheduler(scheduler).executor(pool).build();
        List<CompletableFuture<ApiResponse<Job>>> futures = new ArrayList<>();
        int expectedPolls = 0;
        for (int i = 0; i < jobs; i++) {
          int pollsToFinish = 2 + i % 4; // queued, 0..3 x processing, done
          expectedPolls += pollsToFinish;
          AtomicInteger n = new AtomicInteger();
          String id = "job-" + i;
          Function<RequestOptions, ApiResponse<Job>> fetch = opts -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pollThreads.add(Thread.currentThread());
            polls.incrementAndGet();
            int k = n.incrementAndGet();
            Scripted.Status status = k == 1 ? QUEUED : k < pollsToFinish ? PROCESSING : DONE;
            inFlight.decrementAndGet();
            return new ApiResponse<>(200, Map.of(), null, 1, new Job(id, status, null));
          };
          CompletableFuture<ApiResponse<Job>> f = JobWaiter.waitUntilDoneAsync(Scripted.JOB, id, fetch, o);
          f.whenComplete((r, e) -> finished.incrementAndGet());
          futures.add(f);
        }

        // Once the pool is idle, every job has made exactly its first poll and is now only a queued task: no thread
        // is held by any of them, and nothing moves until (virtual) time does.
        scheduler.await(() -> pool.getCompletedTaskCount() == jobs && pool.getActiveCount() == 0);
        assertTrue(pool.getQueue().isEmpty());
        assertEquals(jobs, scheduler.pending());
        assertEquals(jobs, polls.get());
        assertTrue(mx.getThreadCount() <= baseline + threads, mx.getThreadCount() + " threads, baseline " + baseline);

        scheduler.runUntil(() -> finished.get() == jobs);

        for (int i = 0; i < jobs; i++) {
          ApiResponse<Job> r = futures.get(i).join();
          assertEquals(DONE, r.body().status());
          assertEquals("job-" + i, r.body().id());
        }
        assertEquals(expectedPolls, polls.get());
        assertTrue(maxInFlight.get() <= threads, "at most " + threads + " polls at once, saw " + maxInFlight.get());
        assertTrue(pollThreads.size() <= threads, pollThreads.size() + " threads polled");
        assertTrue(mx.getPeakThreadCount() <= baseline + threads + 2,
            "peak " + mx.getPeakThreadCount() + " threads, baseline " + baseline);
      } finally {
        pool.shutdownNow();
      }
    });
  }

  @Test
  void theSharedDefaultThreadsAreBoundedDaemons() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Set<Thread> pollThreads = ConcurrentHashMap.newKeySet();
      List<CompletableFuture<ApiResponse<Job>>> futures = new ArrayList<>();
      // Real (shared) scheduler and executor, with a 1 ms interval; only completion is asserted, no timing.
      WaitOptions o = WaitOptions.builder().pollInterval(Duration.ofMillis(1)).build();
      for (int i = 0; i < 200; i++) {
        Script script = new Script(job(QUEUED), job(PROCESSING), job(DONE));
        futures.add(start(opts -> {
          pollThreads.add(Thread.currentThread());
          return script.apply(opts);
        }, o));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
      assertTrue(pollThreads.size() <= JobWaiter.DEFAULT_POLL_THREADS, pollThreads.size() + " poll threads");
      assertTrue(pollThreads.stream().allMatch(t -> t.isDaemon() && t.getName().startsWith("stt-waiter-poll-")));
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
