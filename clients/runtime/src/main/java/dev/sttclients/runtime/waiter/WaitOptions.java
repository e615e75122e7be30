package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.Sleeper;
import dev.sttclients.runtime.internal.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How to wait for a job: the poll intervals, the overall timeout, a listener, and (for tests and services)
 * the clock, sleeper, scheduler and executor. Immutable; {@code WaitOptions.builder().timeout(...).build()}, or
 * {@link #defaults()}.
 *
 * <h2>Defaults</h2>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link Builder#minPollInterval} (floor, and the first wait)</td><td>1 s</td></tr>
 *   <tr><td>{@link Builder#maxPollInterval} (ceiling)</td><td>30 s</td></tr>
 *   <tr><td>{@link Builder#backoffMultiplier}</td><td>2 (waits 1, 2, 4, 8, 16, 30, 30... s)</td></tr>
 *   <tr><td>{@link Builder#jitter}</td><td>0.2: each wait is shortened at random by up to 20 %, never below the
 *       floor</td></tr>
 *   <tr><td>{@link Builder#timeout}</td><td>1 h</td></tr>
 *   <tr><td>{@link Builder#maxConsecutiveErrors} (5xx, 408, connection failures and timeouts in a row, after the
 *       client's own retries)</td><td>5</td></tr>
 *   <tr><td>{@link Builder#requestOptions} (for every poll)</td><td>none</td></tr>
 *   <tr><td>{@link Builder#clock}, {@link Builder#sleeper}</td><td>the system's (monotonic)</td></tr>
 *   <tr><td>{@link Builder#scheduler}, {@link Builder#executor} (asynchronous waits)</td><td>shared daemon threads:
 *       one timer, at most {@value JobWaiter#DEFAULT_POLL_THREADS} polls at once</td></tr>
 * </table>
 * None of the four vendors documents a poll interval, so the defaults are the same for all of them.
 */
public final class WaitOptions {
  public static final Duration DEFAULT_MIN_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(30);
  public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
  public static final double DEFAULT_JITTER = 0.2;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
  public static final int DEFAULT_MAX_CONSECUTIVE_ERRORS = 5;
  /** The longest any of the durations may be (a wait is never infinite, and stays far from overflow). */
  public static final Duration MAX_DURATION = Durations.MAX;

  private static final WaitOptions DEFAULTS = new Builder().build();

  private final Duration minPollInterval;
  private final Duration maxPollInterval;
  private final double backoffMultiplier;
  private final double jitter;
  private final Duration timeout;
  private final int maxConsecutiveErrors;
  private final WaitListener listener;
  private final RequestOptions requestOptions;
  private final Clock clock;
  private final Sleeper sleeper;
  private final PollScheduler scheduler;
  private final Executor executor;

  private WaitOptions(Builder b) {
    this.minPollInterval = Durations.positive("minPollInterval", b.minPollInterval);
    this.maxPollInterval = Durations.positive("maxPollInterval", b.maxPollInterval);
    if (maxPollInterval.compareTo(minPollInterval) < 0) {
      throw new IllegalArgumentException("maxPollInterval (" + maxPollInterval + ") must not be shorter than"
          + " minPollInterval (" + minPollInterval + ")");
    }
    if (!(b.backoffMultiplier >= 1.0 && b.backoffMultiplier <= 10.0)) {
      throw new IllegalArgumentException("backoffMultiplier must be between 1 and 10, was " + b.backoffMultiplier);
    }
    this.backoffMultiplier = b.backoffMultiplier;
    if (!(b.jitter >= 0.0 && b.jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + b.jitter);
    }
    this.jitter = b.jitter;
    this.timeout = Durations.positive("timeout", b.timeout);
    if (b.maxConsecutiveErrors < 0 || b.maxConsecutiveErrors > 1000) {
      throw new IllegalArgumentException("maxConsecutiveErrors must be between 0 and 1000, was "
          + b.maxConsecutiveErrors);
    }
    this.maxConsecutiveErrors = b.maxConsecutiveErrors;
    this.listener = b.listener;
    this.requestOptions = Objects.requireNonNull(b.requestOptions, "requestOptions");
    this.clock = b.clock;
    this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
    this.scheduler = b.scheduler;
    this.executor = b.executor;
  }

  /** The defaults in the table above. */
  public static WaitOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.minPollInterval = minPollInterval;
    b.maxPollInterval = maxPollInterval;
    b.backoffMultiplier = backoffMultiplier;
    b.jitter = jitter;
    b.timeout = timeout;
    b.maxConsecutiveErrors = maxConsecutiveErrors;
    b.listener = listener;
    b.requestOptions = requestOptions;
    b.clock = clock;
    b.sleeper = sleeper;
    b.scheduler = scheduler;
    b.executor = executor;
    return b;
  }

  public Duration minPollInterval() { return minPollInterval; }
  public Duration maxPollInterval() { return maxPollInterval; }
  public double backoffMultiplier() { return backoffMultiplier; }
  public double jitter() { return jitter; }
  public Duration timeout() { return timeout; }
  public int maxConsecutiveErrors() { return maxConsecutiveErrors; }
  public Optional<WaitListener> listener() { return Optional.ofNullable(listener); }
  public RequestOptions requestOptions() { return requestOptions; }
  /** The injected clock; empty means the system's monotonic clock. */
  public Optional<Clock> clock() { return Optional.ofNullable(clock); }
  public Sleeper sleeper() { return sleeper; }
  /** The injected scheduler; empty means the shared default. */
  public Optional<PollScheduler> scheduler() { return Optional.ofNullable(scheduler); }
  /** The injected poll executor; empty means the shared default. */
  public Optional<Executor> executor() { return Optional.ofNullable(executor); }

  @Override
  public String toString() {
    return "WaitOptions{minPollInterval=" + minPollInterval + ", maxPollInterval=" + maxPollInterval
        + ", backoffMultiplier=" + backoffMultiplier + ", jitter=" + jitter + ", timeout=" + timeout
        + ", maxConsecutiveErrors=" + maxConsecutiveErrors + ", listener=" + (listener != null)
        + ", requestOptions=" + requestOptions + '}';
  }

  /** Fills a {@link WaitOptions}; {@link #build()} checks the whole and throws IllegalArgumentException. */
  public static final class Builder {
    private Duration minPollInterval = DEFAULT_MIN_POLL_INTERVAL;
    private Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
    private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
    private double jitter = DEFAULT_JITTER;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxConsecutiveErrors = DEFAULT_MAX_CONSECUTIVE_ERRORS;
    private WaitListener listener;
    private RequestOptions requestOptions = RequestOptions.none();
    private Clock clock;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private PollScheduler scheduler;
    private Executor executor;

    private Builder() {}

    /** The floor: the first wait, and the shortest any wait between polls is; default 1 s. */
    public Builder minPollInterval(Duration interval) {
      this.minPollInterval = interval;
      return this;
    }

    /** The ceiling: the longest wait between polls (unless the vendor's {@code Retry-After} asks for more); 30 s. */
    public Builder maxPollInterval(Duration interval) {
      this.maxPollInterval = interval;
      return this;
    }

    /** Both: a fixed interval (still jittered, unless {@link #jitter} is 0). */
    public Builder pollInterval(Duration interval) {
      this.minPollInterval = interval;
      this.maxPollInterval = interval;
      return this;
    }

    /** Each wait is this many times the one before, up to the ceiling (1 to 10); default 2. */
    public Builder backoffMultiplier(double multiplier) {
      this.backoffMultiplier = multiplier;
      return this;
    }

    /**
     * The largest fraction cut off each wait at random (0 to 1; default 0.2), so that many waiters started
     * together spread out; a wait is never shorter than the floor. 0 makes waits exact.
     */
    public Builder jitter(double fraction) {
      this.jitter = fraction;
      return this;
    }

    /**
     * The longest the whole wait may take, from the first poll; default 1 h. The last poll happens at the
     * deadline at the latest; then {@link dev.sttclients.runtime.errors.WaiterTimeoutException}. There is no
     * infinite wait.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * How many polls in a row may fail with a transient error (5xx but 501, 408, connection failure or timeout,
     * each after the client's own retries) before the wait gives up and throws that error; default 5, 0 gives
     * up at the first. 429 Too Many Requests is not counted: it only slows polling down (see
     * {@link JobWaiter}).
     */
    public Builder maxConsecutiveErrors(int max) {
      this.maxConsecutiveErrors = max;
      return this;
    }

    /** Sees every poll: its number, the time since the start, the state, the error, the next wait. */
    public Builder listener(WaitListener listener) {
      this.listener = listener;
      return this;
    }

    /** Options for every poll's HTTP call (headers, response timeout, retries); default none. */
    public Builder requestOptions(RequestOptions options) {
      this.requestOptions = Objects.requireNonNull(options, "requestOptions");
      return this;
    }

    /** The clock that measures the timeout; for tests. Default: the system's monotonic clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Waits between polls of a blocking wait; for tests. Default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Where an asynchronous wait schedules its next poll; no thread is held between polls. Default: one shared
     * daemon timer thread.
     */
    public Builder scheduler(PollScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * Where an asynchronous wait runs its polls (each is a blocking HTTP call) and completes its future. Default:
     * a shared pool of at most {@value JobWaiter#DEFAULT_POLL_THREADS} daemon threads.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    public WaitOptions build() {
      return new WaitOptions(this);
    }
  }
}
