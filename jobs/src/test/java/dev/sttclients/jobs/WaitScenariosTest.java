package dev.sttclients.jobs;

import dev.sttclients.runtime.testing.FakeTime;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.sttclients.runtime.waiter.JobState.FAILED;
import static dev.sttclients.runtime.waiter.JobState.QUEUED;
import static dev.sttclients.runtime.waiter.JobState.RUNNING;
import static dev.sttclients.runtime.waiter.JobState.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.runtime.Sleeper;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.WaitInterruptedException;
import dev.sttclients.runtime.errors.WaiterTimeoutException;
import dev.sttclients.runtime.waiter.JobState;
import dev.sttclients.runtime.waiter.PollEvent;
import dev.sttclients.runtime.waiter.PollScheduler;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Waiting for a job of every vendor against a local server that plays a scripted sequence of answers (WireMock
 * scenarios): each vendor's statuses come from its spec's {@code x-job-states} table and its job body from its spec's
 * example. Time is fake: the waiter's clock and sleeper and the client's retry sleeper are one {@link FakeTime}, so
 * waits are recorded, never slept, and elapsed times are exact.
 */
class WaitScenariosTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeTime time = new FakeTime();
  private final List<PollEvent> events = new CopyOnWriteArrayList<>();
  private SttClient client;

  static List<JobSpec> vendors() {
    return JobSpec.all();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  /** The vendor's client on the local server, with the fake sleeper for its own retries. */
  private Jobs<?> jobs(JobSpec spec, UnaryOperator<dev.sttclients.runtime.SttClientBuilder<?, ?>> configure) {
    client = spec.client(server.baseUrl(), b -> configure.apply(b.sleeper(time)));
    return Jobs.of(client);
  }

  /** Exact waits: 1 s floor, 10 s ceiling, no jitter, 60 s timeout, fake time, recording listener. */
  private WaitOptions.Builder options() {
    return WaitOptions.builder().minPollInterval(s(1)).maxPollInterval(s(10)).jitter(0).timeout(s(60))
        .clock(time).sleeper(time).listener(events::add);
  }

  /** The server answers the steps in order, then repeats the last one. */
  private static void script(ResponseDefinitionBuilder... steps) {
    for (int i = 0; i < steps.length; i++) {
      ScenarioMappingBuilder m = get(anyUrl()).inScenario("job").whenScenarioStateIs(i == 0 ? STARTED : "step " + i)
          .willReturn(steps[i]);
      if (i < steps.length - 1) {
        m = m.willSetStateTo("step " + (i + 1));
      }
      server.stubFor(m);
    }
  }

  private static ResponseDefinitionBuilder job(JobSpec spec, JobState state) {
    return okJson(spec.jobWith(spec.statusFor(state)));
  }

  private static ResponseDefinitionBuilder status(int code, String... headers) {
    ResponseDefinitionBuilder r = aResponse().withStatus(code).withHeader("Content-Type", "application/json")
        .withBody("{}");
    for (int i = 0; i < headers.length; i += 2) {
      r = r.withHeader(headers[i], headers[i + 1]);
    }
    return r;
  }

  private static int requests() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void queuedThenRunningThenSucceeded(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(0));
    script(job(spec, QUEUED), job(spec, RUNNING), job(spec, RUNNING), job(spec, SUCCEEDED));

    Job<?> done = jobs.waitUntilDone(spec.exampleId(), options().build());

    assertEquals(SUCCEEDED, done.state());
    assertEquals(spec.statusFor(SUCCEEDED), done.rawStatus());
    assertEquals(spec.jobSchema(), done.model().getClass().getSimpleName());
    assertEquals(4, requests());
    assertEquals(List.of(s(1), s(2), s(4)), time.sleeps);
    assertEquals(s(7), time.elapsed());
    assertEquals(List.of(QUEUED, RUNNING, RUNNING, SUCCEEDED), events.stream().map(PollEvent::state).toList());
    assertEquals(List.of(s(0), s(1), s(3), s(7)), events.stream().map(PollEvent::elapsed).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void endingInFailureThrowsJobFailedExceptionWithTheTypedJob(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(0));
    script(job(spec, QUEUED), job(spec, RUNNING), job(spec, FAILED));

    JobFailedException e = assertThrows(JobFailedException.class,
        () -> jobs.waitUntilDone(spec.exampleId(), options().build()));

    assertEquals(FAILED, e.state());
    assertEquals(spec.statusFor(FAILED), e.rawStatus());
    assertEquals(spec.jobSchema(), e.job().getClass().getSimpleName());
    assertEquals(spec.vendor(), e.vendor());
    assertEquals(3, e.polls());
    assertEquals(3, requests());
    assertEquals(s(3), e.elapsed());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void neverFinishingEndsAtTheDeadline(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(0));
    script(job(spec, QUEUED), job(spec, RUNNING));

    WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class,
        () -> jobs.waitUntilDone(spec.exampleId(), options().build()));

    assertEquals(10, e.polls());
    assertEquals(10, requests());
    assertEquals(s(60), e.elapsed());
    assertEquals(s(60), time.elapsed()); // never past the deadline
    assertEquals(RUNNING, e.lastState().orElseThrow());
    assertEquals(spec.statusFor(RUNNING), e.lastRawStatus().orElseThrow());
    assertEquals(spec.jobSchema(), e.lastJob().orElseThrow().getClass().getSimpleName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void rateLimitedMidwayAfterTheClientsOwnRetriesKeepsPolling(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(1));
    script(job(spec, QUEUED), status(429, "Retry-After", "3"), status(429, "Retry-After", "3"), job(spec, RUNNING),
        job(spec, SUCCEEDED));

    Job<?> done = jobs.waitUntilDone(spec.exampleId(), options().maxConsecutiveErrors(0).build());

    assertEquals(SUCCEEDED, done.state());
    assertEquals(5, requests()); // 4 polls, the second one retried once by the client itself
    // waiter 1 s; client retry 3 s (Retry-After); waiter 3 s (Retry-After beats its 2 s backoff); waiter 4 s
    assertEquals(List.of(s(1), s(3), s(3), s(4)), time.sleeps);
    assertEquals(s(11), time.elapsed());
    assertEquals(4, events.size());
    assertEquals(429, ((dev.sttclients.runtime.errors.ServiceException) events.get(1).error()).statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void aBurstOfServerErrorsIsRiddenOutUpToTheBound(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(0));
    script(job(spec, QUEUED), status(500), status(502), status(503), job(spec, RUNNING), job(spec, SUCCEEDED));

    Job<?> done = jobs.waitUntilDone(spec.exampleId(), options().maxConsecutiveErrors(3).build());

    assertEquals(SUCCEEDED, done.state());
    assertEquals(6, requests());
    assertEquals(List.of(s(1), s(2), s(4), s(8), s(10)), time.sleeps);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void aBurstOfServerErrorsBeyondTheBoundThrowsTheTypedError(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(0));
    script(job(spec, QUEUED), status(500));

    ServerException e = assertThrows(ServerException.class,
        () -> jobs.waitUntilDone(spec.exampleId(), options().maxConsecutiveErrors(3).build()));

    assertEquals(500, e.statusCode());
    assertEquals(5, requests()); // 1 good poll, 3 tolerated errors, the one too many
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void aNonRetryableErrorPassesThrough(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b);
    script(job(spec, QUEUED), status(404));

    assertThrows(NotFoundException.class, () -> jobs.waitUntilDone(spec.exampleId(), options().build()));
    assertEquals(2, requests());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void interruptWhileSleepingStopsAndKeepsTheFlag(JobSpec spec) {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(0));
    script(job(spec, QUEUED), job(spec, SUCCEEDED));
    // The real sleeper and a one-hour interval: only the interrupt ends the sleep.
    java.util.concurrent.CountDownLatch polled = new java.util.concurrent.CountDownLatch(1);
    WaitOptions o = WaitOptions.builder().pollInterval(Duration.ofHours(1)).timeout(Duration.ofHours(2))
        .sleeper(Sleeper.SYSTEM).listener(e -> polled.countDown()).build();
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flag = new AtomicReference<>();
      Thread waiter = new Thread(() -> {
        try {
          jobs.waitUntilDone(spec.exampleId(), o);
        } catch (Throwable t) {
          thrown.set(t);
        }
        flag.set(Thread.currentThread().isInterrupted());
      });
      waiter.start();
      polled.await(); // the first poll is over: the next timed wait is the sleep before the second
      while (waiter.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      waiter.interrupt();
      waiter.join();
      WaitInterruptedException e = assertInstanceOf(WaitInterruptedException.class, thrown.get());
      assertTrue(flag.get());
      assertEquals(1, e.polls());
      assertEquals(QUEUED, e.lastState().orElseThrow());
    });
    assertEquals(1, requests());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void theAsynchronousFormOnVirtualTime(JobSpec spec) throws Exception {
    Jobs<?> jobs = jobs(spec, b -> b.maxRetries(0));
    script(job(spec, QUEUED), job(spec, RUNNING), job(spec, SUCCEEDED));
    // Moves fake time by the delay and runs the next poll at once, on this thread.
    PollScheduler virtual = (task, delay) -> {
      time.advance(delay);
      task.run();
      return CompletableFuture.completedFuture(null);
    };

    CompletableFuture<? extends Job<?>> future = jobs.waitUntilDoneAsync(spec.exampleId(),
        options().scheduler(virtual).executor(Runnable::run).build());

    assertEquals(SUCCEEDED, future.get().state());
    assertEquals(3, requests());
    assertEquals(s(3), time.elapsed());

    server.resetAll();
    script(job(spec, FAILED));
    CompletableFuture<? extends Job<?>> failed = jobs.waitUntilDoneAsync(spec.exampleId(),
        options().scheduler(virtual).executor(Runnable::run).build());
    assertInstanceOf(JobFailedException.class, assertThrows(ExecutionException.class, failed::get).getCause());
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
