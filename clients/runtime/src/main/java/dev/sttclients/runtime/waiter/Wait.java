package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.ServiceException;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import dev.sttclients.runtime.errors.WaitInterruptedException;
import dev.sttclients.runtime.errors.WaiterTimeoutException;
import dev.sttclients.runtime.internal.ErrorTable;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state and decisions of one wait, shared by the blocking and the asynchronous driver in {@link JobWaiter}:
 * one {@link #pollOnce()} fetches the job and says what to do next (return it, throw, or wait how long). Not
 * thread-safe: a driver runs one poll at a time.
 */
final class Wait<T> {
  private static final Logger LOG = LoggerFactory.getLogger("dev.sttclients.waiter");

  /** What to do after a poll. */
  sealed interface Step<T> permits Done, Fail, Sleep {}

  record Done<T>(ApiResponse<T> response) implements Step<T> {}

  record Fail<T>(RuntimeException error) implements Step<T> {}

  record Sleep<T>(Duration delay) implements Step<T> {}

  private final JobDescriptor<T> job;
  private final String jobId;
  private final Function<RequestOptions, ApiResponse<T>> poll;
  private final WaitOptions options;
  private final InstantSource clock;
  private final Instant start;
  private final Instant deadline;

  private int polls;
  private int consecutiveErrors;
  private JobState lastState;
  private String lastRaw;
  private T lastJob;

  Wait(JobDescriptor<T> job, String jobId, Function<RequestOptions, ApiResponse<T>> poll, WaitOptions options) {
    this.job = Objects.requireNonNull(job, "job");
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.poll = Objects.requireNonNull(poll, "poll");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNullElse(options.clock().orElse(null), MonotonicClock.INSTANCE);
    this.start = clock.instant();
    this.deadline = start.plus(options.timeout());
  }

  /** Fetches the job once, tells the listener, and decides what comes next. */
  Step<T> pollOnce() {
    if (Thread.currentThread().isInterrupted()) {
      return new Fail<>(interrupted("interrupted", null));
    }
    polls++;
    ApiResponse<T> response = null;
    RuntimeException error = null;
    try {
      response = Objects.requireNonNull(poll.apply(pollOptions()), "the poll returned null");
    } catch (RuntimeException e) {
      error = e;
    }
    Step<T> step;
    if (Thread.currentThread().isInterrupted()) {
      step = new Fail<>(interrupted("interrupted", error));
    } else {
      step = error == null ? afterSuccess(response) : afterFailure(error);
    }
    PollEvent event = new PollEvent(job.vendor(), jobId, polls, elapsed(),
        error == null ? lastState : null, error == null ? lastRaw : null, error == null ? lastJob : null,
        error instanceof SttException s ? s : null, step instanceof Sleep<T> s ? s.delay() : null);
    LOG.debug("{}", event);
    options.listener().ifPresent(l -> l.onPoll(event));
    return step;
  }

  /**
   * The least call timeout a poll gets, even at the deadline: the last poll happens at the deadline and needs time for
   * one HTTP exchange, so a wait can end at most this much after its timeout (a silent server).
   */
  static final Duration MIN_POLL_CALL_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The options of the next poll's HTTP call: the caller's, with the call timeout bounded by the time left before
   * the wait's deadline (at least {@link #MIN_POLL_CALL_TIMEOUT}), so that one slow poll (retries and backoff
   * included) cannot carry the wait much past it. A caller's shorter call timeout is kept.
   */
  RequestOptions pollOptions() {
    RequestOptions given = options.requestOptions();
    Duration bound = longer(Duration.between(clock.instant(), deadline), MIN_POLL_CALL_TIMEOUT);
    if (given.callTimeout().isPresent() && given.callTimeout().get().compareTo(bound) <= 0) {
      return given;
    }
    return given.toBuilder().callTimeout(bound).build();
  }

  private Step<T> afterSuccess(ApiResponse<T> response) {
    T body = response.body();
    lastState = job.state(body);
    lastRaw = job.rawStatus(response);
    lastJob = body;
    consecutiveErrors = 0;
    if (lastState == JobState.SUCCEEDED) {
      return new Done<>(response);
    }
    if (lastState.isUnsuccessful()) {
      return new Fail<>(new JobFailedException(job.vendor(), jobId, lastState, lastRaw,
          job.failureMessage(body).orElse(null), body, polls, elapsed()));
    }
    return next(null, null);
  }

  private Step<T> afterFailure(RuntimeException error) {
    if (error instanceof RateLimitException limited) {
      return next(limited.retryAfter().orElse(null), error); // slows polling down; never counted
    }
    if (error instanceof SttException failure && isTransient(failure)) {
      if (++consecutiveErrors > options.maxConsecutiveErrors()) {
        return new Fail<>(error);
      }
      return next(retryAfter(failure), error);
    }
    return new Fail<>(error); // typed, non-retryable (404, 401, malformed body, ...), passed through as is
  }

  /** 5xx but 501, 408, I/O failures and timeouts: worth another poll. */
  static boolean isTransient(SttException e) {
    if (e instanceof ServerException s) {
      return s.statusCode() != 501;
    }
    if (e instanceof UnexpectedStatusException u) {
      return u.statusCode() == 408;
    }
    return e instanceof ConnectionException;
  }

  private Duration retryAfter(SttException e) {
    return e instanceof ServiceException s ? ErrorTable.retryAfter(s.statusCode(), s.headers(), clock.instant()) : null;
  }

  /** The wait before the next poll, or the timeout when there is no time left for one. */
  private Step<T> next(Duration serverDelay, RuntimeException cause) {
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      return new Fail<>(timeout(cause));
    }
    Duration delay = backoff(polls);
    if (serverDelay != null) {
      if (serverDelay.compareTo(remaining) > 0) {
        return new Fail<>(timeout(cause)); // the vendor asks us not to poll again before the deadline
      }
      delay = longer(delay, serverDelay);
    }
    return new Sleep<>(shorter(delay, remaining)); // the last poll is at the deadline
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The wait after poll {@code n}: {@code min(ceiling, floor * multiplier^(n-1))}, shortened at random by up to
   * the jitter fraction, never below the floor.
   */
  Duration backoff(int n) {
    double floor = options.minPollInterval().toNanos();
    double ceiling = options.maxPollInterval().toNanos();
    double nominal = Math.min(ceiling, floor * Math.pow(options.backoffMultiplier(), Math.max(0, n - 1)));
    double jittered = nominal * (1.0 - options.jitter() * ThreadLocalRandom.current().nextDouble());
    return Duration.ofNanos((long) Math.max(floor, jittered));
  }

  Duration elapsed() {
    return Duration.between(start, clock.instant());
  }

  private WaiterTimeoutException timeout(RuntimeException cause) {
    return new WaiterTimeoutException(job.vendor(), jobId, options.timeout(), lastState, lastRaw, lastJob, polls,
        elapsed(), cause);
  }

  WaitInterruptedException interrupted(String why, Throwable cause) {
    return new WaitInterruptedException(job.vendor(), jobId, why, lastState, lastRaw, lastJob, polls, elapsed(),
        cause);
  }

  /**
   * The system clock, measured with {@link System#nanoTime()} so that it never jumps: the wall-clock time at its
   * creation plus the nanoseconds elapsed since. Only its instants are read (no zone), hence not a full Clock.
   */
  static final class MonotonicClock implements InstantSource {
    static final MonotonicClock INSTANCE = new MonotonicClock(Instant.now(), System::nanoTime);
    private final Instant origin;
    private final LongSupplier nanoTime;
    private final long originNanos;

    /** A clock that reads {@code origin} now and then moves as {@code nanoTime} does (tests pass a fake one). */
    MonotonicClock(Instant origin, LongSupplier nanoTime) {
      this.origin = Objects.requireNonNull(origin, "origin");
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      this.originNanos = nanoTime.getAsLong();
    }

    @Override
    public Instant instant() {
      return origin.plusNanos(nanoTime.getAsLong() - originNanos);
    }
  }
}
