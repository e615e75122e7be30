package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.testing.FakeTime;
import static dev.sttclients.runtime.waiter.Scripted.Status.CANCELED;
import static dev.sttclients.runtime.waiter.Scripted.Status.DONE;
import static dev.sttclients.runtime.waiter.Scripted.Status.ERROR;
import static dev.sttclients.runtime.waiter.Scripted.Status.GONE;
import static dev.sttclients.runtime.waiter.Scripted.Status.PROCESSING;
import static dev.sttclients.runtime.waiter.Scripted.Status.QUEUED;
import static dev.sttclients.runtime.waiter.Scripted.fails;
import static dev.sttclients.runtime.waiter.Scripted.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.Sleeper;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import dev.sttclients.runtime.errors.WaitInterruptedException;
import dev.sttclients.runtime.errors.WaiterTimeoutException;
import dev.sttclients.runtime.waiter.Scripted.Job;
import dev.sttclients.runtime.waiter.Scripted.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The blocking waiter on scripted polls, with a fake clock and sleeper: nothing here sleeps. */
class JobWaiterTest {
  private final FakeTime time = new FakeTime();
  private final List<PollEvent> events = new CopyOnWriteArrayList<>();

  /** Exact waits (no jitter), 1 s floor, 10 s ceiling, 60 s timeout, fake time, recording listener. */
  private WaitOptions.Builder options() {
    return WaitOptions.builder().minPollInterval(s(1)).maxPollInterval(s(10)).timeout(s(60)).jitter(0)
        .clock(time).sleeper(time).listener(events::add);
  }

  private ApiResponse<Job> waitFor(Script script, WaitOptions options) {
    return JobWaiter.waitUntilDone(Scripted.JOB, "j1", script, options);
  }

  @Test
  void queuedThenProcessingThenDoneReturnsTheFinishedJob() {
    Script script = new Script(job(QUEUED), job(PROCESSING), job(PROCESSING), job(DONE));

    ApiResponse<Job> done = waitFor(script, options().build());

    assertEquals(DONE, done.body().status());
    assertEquals(4, script.polls.get());
    assertEquals(List.of(s(1), s(2), s(4)), time.sleeps);
    assertEquals(s(7), time.elapsed());
    // The listener saw every poll: number, elapsed, state, raw status, next wait.
    assertEquals(List.of(1, 2, 3, 4), events.stream().map(PollEvent::poll).toList());
    assertEquals(List.of(s(0), s(1), s(3), s(7)), events.stream().map(PollEvent::elapsed).toList());
    assertEquals(List.of(JobState.QUEUED, JobState.RUNNING, JobState.RUNNING, JobState.SUCCEEDED),
        events.stream().map(PollEvent::state).toList());
    assertEquals(List.of("queued", "processing", "processing", "done"),
        events.stream().map(PollEvent::rawStatus).toList());
    assertEquals(s(1), events.get(0).nextPollIn());
    assertNull(events.get(3).nextPollIn());
    assertTrue(events.stream().allMatch(e -> e.error() == null && e.job() instanceof Job));
  }

  @Test
  void everyPollUsesTheRequestOptions() {
    RequestOptions perPoll = RequestOptions.builder().header("X-Trace", "t1").maxRetries(0).build();
    Script script = new Script(job(QUEUED), job(DONE));
    waitFor(script, options().requestOptions(perPoll).build());
    assertEquals(2, script.options.size());
    for (RequestOptions sent : script.options) {
      assertEquals(perPoll.headers(), sent.headers());
      assertEquals(perPoll.maxRetries(), sent.maxRetries());
    }
  }

  /** A poll's HTTP call never outlives the wait: its call timeout is at most the time left before the deadline. */
  @Test
  void eachPollIsBoundedByTheTimeLeftUnlessTheCallersCallTimeoutIsShorter() {
    Script script = new Script(job(QUEUED), job(QUEUED), job(DONE));
    waitFor(script, options().requestOptions(RequestOptions.builder().callTimeout(s(120)).build()).build());
    assertEquals(List.of(s(60), s(59), s(57)),
        script.options.stream().map(o -> o.callTimeout().orElseThrow()).toList(), "60 s wait, polls at 0, 1, 3 s");

    Script shortCalls = new Script(job(QUEUED), job(DONE));
    RequestOptions fiveSeconds = RequestOptions.builder().callTimeout(s(5)).build();
    waitFor(shortCalls, options().requestOptions(fiveSeconds).build());
    assertEquals(List.of(fiveSeconds, fiveSeconds), shortCalls.options, "a shorter call timeout of the caller's is kept");

    Script unset = new Script(job(DONE));
    waitFor(unset, options().build());
    assertEquals(s(60), unset.options.get(0).callTimeout().orElseThrow(), "none given: bounded by the wait");

    // 15 s wait, polls at 0, 1, 3, 7, 15 s (the last at the deadline): never less than the floor of 10 s
    Script late = new Script(job(QUEUED), job(QUEUED), job(QUEUED), job(QUEUED), job(DONE));
    waitFor(late, options().timeout(s(15)).build());
    assertEquals(List.of(s(15), s(14), s(12), s(10), s(10)),
        late.options.stream().map(o -> o.callTimeout().orElseThrow()).toList());
  }

  @Test
  void aFailedJobThrowsJobFailedExceptionCarryingTheJob() {
    Script script = new Script(job(QUEUED), job(PROCESSING), job(ERROR));

    JobFailedException e = assertThrows(JobFailedException.class, () -> waitFor(script, options().build()));

    assertEquals(JobState.FAILED, e.state());
    assertEquals("error", e.rawStatus());
    assertEquals("boom", e.failureMessage().orElseThrow());
    assertEquals(ERROR, e.job(Job.class).status());
    assertEquals(3, e.polls());
    assertEquals(3, e.attempts());
    assertEquals(s(3), e.elapsed());
    assertEquals("j1", e.jobId());
    assertEquals("fake", e.vendor());
    assertEquals("fake job j1: FAILED (status \"error\"): boom after 3 polls in 3.0 s", e.getMessage());
    assertEquals(3, script.polls.get());
    assertSame(events.get(2).job(), e.job(), "the job of the last poll, as the vendor returned it");
  }

  @ParameterizedTest
  @EnumSource(value = Scripted.Status.class, names = {"CANCELED", "GONE"})
  void canceledAndDeletedJobsEndTheWaitTheSameWay(Scripted.Status status) {
    JobFailedException e = assertThrows(JobFailedException.class,
        () -> waitFor(new Script(job(PROCESSING), job(status)), options().build()));
    assertEquals(status == CANCELED ? JobState.CANCELED : JobState.DELETED, e.state());
    assertTrue(e.failureMessage().isEmpty());
    assertEquals(2, e.polls());
    assertEquals(status == GONE ? "gone" : "canceled", e.rawStatus());
  }

  @Test
  void aJobThatNeverFinishesEndsAtTheDeadlineWithTheLastStateSeen() {
    Script script = new Script(job(QUEUED), job(PROCESSING));

    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class, () -> waitFor(script, options().build()));

    // 1, 2, 4, 8, then the 10 s ceiling; the last wait is cut to the deadline so that the last poll is at 60 s.
    assertEquals(List.of(s(1), s(2), s(4), s(8), s(10), s(10), s(10), s(10), s(5)), time.sleeps);
    assertEquals(10, e.polls());
    assertEquals(10, script.polls.get());
    assertEquals(s(60), e.elapsed());
    assertEquals(s(60), e.timeout());
    assertEquals(JobState.RUNNING, e.lastState().orElseThrow());
    assertEquals("processing", e.lastRawStatus().orElseThrow());
    assertEquals(PROCESSING, e.lastJob(Job.class).orElseThrow().status());
    assertNull(e.getCause());
    assertTrue(e.getMessage().startsWith("fake job j1: not finished within PT1M, last seen RUNNING (status \"processing\")"
        + ", after 10 polls in 60.0 s"), e.getMessage());
  }

  @Test
  void rateLimitedPollWaitsForRetryAfterAndIsNotCountedAsAnError() {
    // maxConsecutiveErrors(0): any counted error would end the wait at once.
    Script script = new Script(job(QUEUED), fails(() -> Scripted.tooManyRequests(7)), job(PROCESSING), job(DONE));

    ApiResponse<Job> done = waitFor(script, options().maxConsecutiveErrors(0).build());

    assertEquals(DONE, done.body().status());
    assertEquals(4, script.polls.get());
    assertEquals(List.of(s(1), s(7), s(4)), time.sleeps); // 7 s asked for; the 2 s backoff would have been shorter
    PollEvent limited = events.get(1);
    assertTrue(limited.error() instanceof RateLimitException);
    assertNull(limited.state());
    assertEquals(s(7), limited.nextPollIn());
  }

  @Test
  void retryAfterShorterThanTheBackoffKeepsTheBackoff() {
    Script script = new Script(job(QUEUED), job(QUEUED), job(QUEUED), fails(() -> Scripted.tooManyRequests(1)),
        job(DONE));
    waitFor(script, options().build());
    assertEquals(List.of(s(1), s(2), s(4), s(8)), time.sleeps);
  }

  @Test
  void retryAfterBeyondTheDeadlineEndsTheWaitAtOnce() {
    RateLimitException limited = Scripted.tooManyRequests(120);
    Script script = new Script(job(QUEUED), fails(() -> limited));

    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class, () -> waitFor(script, options().build()));

    assertSame(limited, e.getCause());
    assertEquals(List.of(s(1)), time.sleeps); // no pointless sleep until the deadline
    assertEquals(2, e.polls());
    assertEquals(JobState.QUEUED, e.lastState().orElseThrow());
  }

  /** Retry-After asks for exactly the time left: the next poll is at the deadline, not a timeout before it. */
  @Test
  void retryAfterOfExactlyTheTimeLeftPollsOnceMoreAtTheDeadline() {
    Script script = new Script(job(QUEUED), fails(() -> Scripted.tooManyRequests(7)), job(DONE));

    ApiResponse<Job> done = waitFor(script, options().timeout(s(8)).build()); // poll 2 at 1 s: 7 s left

    assertEquals(DONE, done.body().status());
    assertEquals(List.of(s(1), s(7)), time.sleeps);
    assertEquals(3, script.polls.get());
    assertEquals(s(8), time.elapsed());
  }

  @Test
  void anUnexpectedStatusOtherThan408EndsTheWaitAtOnce() {
    UnexpectedStatusException teapot = new UnexpectedStatusException(Scripted.response(418, Map.of()));
    Script script = new Script(job(QUEUED), fails(() -> teapot), job(DONE));

    assertSame(teapot, assertThrows(UnexpectedStatusException.class, () -> waitFor(script, options().build())));
    assertEquals(2, script.polls.get());
    assertEquals(List.of(s(1)), time.sleeps);

    assertTrue(Wait.isTransient(Scripted.requestTimeout()));
    assertFalse(Wait.isTransient(new UnexpectedStatusException(Scripted.response(409, Map.of()))));
    assertFalse(Wait.isTransient(Scripted.notFound()));
    assertFalse(Wait.isTransient(Scripted.serverError(501)));
    assertTrue(Wait.isTransient(Scripted.serverError(500)));
    assertTrue(Wait.isTransient(Scripted.reset()));
  }

  @Test
  void aBurstOf5xxWithinTheBoundIsRiddenOut() {
    Script script = new Script(job(QUEUED), fails(() -> Scripted.serverError(500)),
        fails(() -> Scripted.unavailable(9)), fails(Scripted::reset), fails(Scripted::requestTimeout),
        job(PROCESSING), fails(() -> Scripted.serverError(502)), job(DONE));

    ApiResponse<Job> done = waitFor(script, options().maxConsecutiveErrors(4).build());

    assertEquals(DONE, done.body().status());
    assertEquals(8, script.polls.get());
    // 503's Retry-After (9 s) is honoured; the others follow the backoff (1, 2, 4, 8, 10, 10, 10).
    assertEquals(List.of(s(1), s(2), s(9), s(8), s(10), s(10), s(10)), time.sleeps);
  }

  @Test
  void aBurstOf5xxBeyondTheBoundThrowsTheLastErrorAsIs() {
    ServerException last = Scripted.serverError(503);
    Script script = new Script(job(QUEUED), fails(() -> Scripted.serverError(500)),
        fails(() -> Scripted.serverError(502)), fails(() -> last));

    ServerException e = assertThrows(ServerException.class,
        () -> waitFor(script, options().maxConsecutiveErrors(2).build()));

    assertSame(last, e);
    assertEquals(4, script.polls.get()); // 1 good poll + 2 tolerated errors + the one too many
  }

  @Test
  void theErrorCountStartsAgainAfterAGoodPoll() {
    Script script = new Script(job(QUEUED), fails(Scripted::reset), job(QUEUED), fails(Scripted::reset),
        job(DONE));
    assertEquals(DONE, waitFor(script, options().maxConsecutiveErrors(1).build()).body().status());
  }

  @Test
  void nonRetryableErrorsPassThroughAtOnce() {
    NotFoundException gone = Scripted.notFound();
    Script script = new Script(job(QUEUED), fails(() -> gone));
    assertSame(gone, assertThrows(NotFoundException.class, () -> waitFor(script, options().build())));
    assertEquals(2, script.polls.get());

    ServerException notImplemented = Scripted.serverError(501);
    Script script501 = new Script(fails(() -> notImplemented));
    assertSame(notImplemented, assertThrows(ServerException.class, () -> waitFor(script501, options().build())));
    assertEquals(1, script501.polls.get());
  }

  @Test
  void transientErrorsUntilTheDeadlineEndInATimeoutCausedByTheLastOne() {
    Script script = new Script(fails(Scripted::reset));
    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class,
        () -> waitFor(script, options().maxConsecutiveErrors(100).build()));
    assertTrue(e.getCause() instanceof ConnectionException);
    assertTrue(e.lastState().isEmpty());
    assertTrue(e.getMessage().contains("(no successful poll)"), e.getMessage());
    assertEquals(s(60), e.elapsed());
  }

  @Test
  void anUnknownStatusIsNotTerminalAndKeepsItsRawString() {
    Script script = new Script(job(QUEUED), Scripted.unknown("archiving"), job(DONE));
    waitFor(script, options().build());
    PollEvent unknown = events.get(1);
    assertEquals(JobState.UNKNOWN, unknown.state());
    assertEquals("archiving", unknown.rawStatus());
    assertEquals(3, script.polls.get());
  }

  @Test
  void aListenerThatThrowsEndsTheWait() {
    IllegalStateException stop = new IllegalStateException("stop");
    Script script = new Script(job(QUEUED), job(DONE));
    WaitOptions o = options().listener(e -> {
      throw stop;
    }).build();
    assertSame(stop, assertThrows(IllegalStateException.class, () -> waitFor(script, o)));
    assertEquals(1, script.polls.get());
  }

  @Test
  void interruptWhileSleepingStopsTheWaitAndKeepsTheFlag() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Script script = new Script(job(QUEUED), job(DONE));
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flagAfter = new AtomicReference<>();
      // The real sleeper with a one-hour poll interval: only the interrupt can end this sleep.
      java.util.concurrent.CountDownLatch polled = new java.util.concurrent.CountDownLatch(1);
      WaitOptions o = WaitOptions.builder().pollInterval(Duration.ofHours(1)).timeout(Duration.ofHours(2))
          .sleeper(Sleeper.SYSTEM).listener(e -> polled.countDown()).build();
      Thread waiter = new Thread(() -> {
        try {
          JobWaiter.waitUntilDone(Scripted.JOB, "j1", script, o);
        } catch (Throwable t) {
          thrown.set(t);
        }
        flagAfter.set(Thread.currentThread().isInterrupted());
      });
      waiter.start();
      polled.await();
      while (waiter.getState() != Thread.State.TIMED_WAITING) { // asleep between poll 1 and poll 2
        Thread.onSpinWait();
      }
      waiter.interrupt();
      waiter.join();

      WaitInterruptedException e = (WaitInterruptedException) thrown.get();
      assertTrue(flagAfter.get(), "the interrupt flag is kept");
      assertEquals(1, e.polls());
      assertEquals(JobState.QUEUED, e.lastState().orElseThrow());
      assertTrue(e.getCause() instanceof InterruptedException);
      assertEquals(1, script.polls.get());
    });
  }

  @Test
  void interruptDuringAPollStopsBeforeTheNextOne() {
    Script script = new Script(() -> {
      Thread.currentThread().interrupt(); // e.g. the runtime's retry sleep was interrupted
      throw Scripted.reset();
    }, job(DONE));
    try {
      WaitInterruptedException e = assertThrows(WaitInterruptedException.class,
          () -> waitFor(script, options().build()));
      assertTrue(Thread.currentThread().isInterrupted());
      assertTrue(e.getCause() instanceof ConnectionException);
      assertEquals(1, script.polls.get());
      assertTrue(time.sleeps.isEmpty());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anAlreadyInterruptedThreadDoesNotPoll() {
    Script script = new Script(job(DONE));
    Thread.currentThread().interrupt();
    try {
      assertThrows(WaitInterruptedException.class, () -> waitFor(script, options().build()));
      assertTrue(Thread.currentThread().isInterrupted());
      assertEquals(0, script.polls.get());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void jitteredWaitsStayBetweenTheFloorAndTheNominalWaitAndSpreadOut() {
    WaitOptions o = WaitOptions.builder().minPollInterval(s(1)).maxPollInterval(s(30)).jitter(0.2).build();
    Wait<Job> wait = new Wait<>(Scripted.JOB, "j1", new Script(job(DONE)), o);
    long[] nominalMs = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int n = 1; n <= nominalMs.length; n++) {
      long nominal = nominalMs[n - 1];
      long low = Math.max(1000, (long) (nominal * 0.8));
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (int i = 0; i < 500; i++) {
        long ms = wait.backoff(n).toMillis();
        assertTrue(ms >= low && ms <= nominal, "wait after poll " + n + ": " + ms + " ms");
        seen.add(ms);
      }
      assertTrue(n == 1 ? seen.size() == 1 : seen.size() > 50, "poll " + n + ": " + seen.size() + " distinct waits");
    }
    // A huge poll count neither overflows nor leaves the ceiling.
    assertTrue(wait.backoff(10_000).compareTo(s(30)) <= 0);
  }

  @Test
  void defaultsAreDocumentedValues() {
    WaitOptions d = WaitOptions.defaults();
    assertEquals(s(1), d.minPollInterval());
    assertEquals(s(30), d.maxPollInterval());
    assertEquals(2.0, d.backoffMultiplier());
    assertEquals(0.2, d.jitter());
    assertEquals(Duration.ofHours(1), d.timeout());
    assertEquals(5, d.maxConsecutiveErrors());
    assertTrue(d.listener().isEmpty() && d.clock().isEmpty() && d.scheduler().isEmpty() && d.executor().isEmpty());
    assertSame(Sleeper.SYSTEM, d.sleeper());
    assertEquals(d.toString(), d.toBuilder().build().toString());
  }

  @Test
  void badOptionsAreRejectedWhenBuilt() {
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().minPollInterval(Duration.ZERO).build());
    assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().minPollInterval(s(10)).maxPollInterval(s(5)).build());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().timeout(s(-1)).build());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().backoffMultiplier(0.5).build());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().backoffMultiplier(Double.NaN).build());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(1.5).build());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().maxConsecutiveErrors(-1).build());
    assertThrows(NullPointerException.class, () -> WaitOptions.builder().timeout(null).build());
    assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().timeout(Duration.ofSeconds(Long.MAX_VALUE)).build());
    assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().maxPollInterval(Duration.ofDays(366)).build());
    // The longest allowed wait still computes: no overflow in the deadline or the backoff.
    WaitOptions longest = WaitOptions.builder().pollInterval(WaitOptions.MAX_DURATION)
        .timeout(WaitOptions.MAX_DURATION).clock(time).sleeper(time).build();
    assertThrows(WaiterTimeoutException.class, () -> waitFor(new Script(job(QUEUED)), longest));
    assertEquals(List.of(WaitOptions.MAX_DURATION), time.sleeps);
  }

  @Test
  void theBoundsOfEveryOptionAreInclusive() {
    WaitOptions widest = WaitOptions.builder().backoffMultiplier(10).jitter(1).maxConsecutiveErrors(1000).build();
    assertEquals(10.0, widest.backoffMultiplier());
    assertEquals(1.0, widest.jitter());
    assertEquals(1000, widest.maxConsecutiveErrors());
    WaitOptions narrowest = WaitOptions.builder().backoffMultiplier(1).jitter(0).maxConsecutiveErrors(0).build();
    assertEquals(1.0, narrowest.backoffMultiplier());
    assertEquals(0.0, narrowest.jitter());
    assertEquals(0, narrowest.maxConsecutiveErrors());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WaitOptions.builder().backoffMultiplier(10.001).build());
    assertEquals("backoffMultiplier must be between 1 and 10, was 10.001", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().backoffMultiplier(0.999).build());
    e = assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(1.001).build());
    assertEquals("jitter must be between 0 and 1, was 1.001", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(-0.001).build());
    e = assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().maxConsecutiveErrors(1001).build());
    assertEquals("maxConsecutiveErrors must be between 0 and 1000, was 1001", e.getMessage());
  }

  @Test
  void waitOptionsPrintTheirSettingsButNoHeaderValue() {
    assertEquals("WaitOptions{minPollInterval=PT1S, maxPollInterval=PT30S, backoffMultiplier=2.0, jitter=0.2,"
        + " timeout=PT1H, maxConsecutiveErrors=5, listener=false, requestOptions=RequestOptions{headers=[],"
        + " responseTimeout=null, callTimeout=null, maxRetries=null}}", WaitOptions.defaults().toString());

    WaitOptions o = WaitOptions.builder().pollInterval(s(5)).backoffMultiplier(1.5).jitter(0).timeout(s(90))
        .maxConsecutiveErrors(2).listener(e -> { })
        .requestOptions(RequestOptions.builder().header("Authorization", "Bearer s3cr3t-t0ken").build()).build();
    assertEquals("WaitOptions{minPollInterval=PT5S, maxPollInterval=PT5S, backoffMultiplier=1.5, jitter=0.0,"
        + " timeout=PT1M30S, maxConsecutiveErrors=2, listener=true, requestOptions=RequestOptions{"
        + "headers=[Authorization], responseTimeout=null, callTimeout=null, maxRetries=null}}", o.toString());
  }

  @Test
  void aPollEventReadsAsOneLine() {
    PollEvent running = new PollEvent("fake", "j1", 2, Duration.ofMillis(1500), JobState.RUNNING, "processing",
        null, null, s(2));
    assertEquals("fake job j1: poll 2 at 1500 ms: RUNNING (\"processing\"), next in 2000 ms", running.toString());
    assertEquals(s(2), running.next().orElseThrow());

    PollEvent failed = new PollEvent("fake", "j1", 3, s(3), null, null, null, Scripted.reset(), null);
    assertEquals("fake job j1: poll 3 at 3000 ms: failed (fake get: connection reset), done", failed.toString());
    assertTrue(failed.next().isEmpty());
  }

  /** The default clock: its start instant, then moved only by the nanosecond source (the wall clock may jump). */
  @Test
  void theDefaultClockMovesWithTheNanosecondSourceFromItsOrigin() {
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong(7_000_000_000L);
    Wait.MonotonicClock clock = new Wait.MonotonicClock(FakeTime.T0, nanos::get);
    assertEquals(FakeTime.T0, clock.instant());
    nanos.addAndGet(1_500_000_000L);
    assertEquals(FakeTime.T0.plusMillis(1500), clock.instant());
    assertEquals(FakeTime.T0.toEpochMilli() + 1500, clock.millis());
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
