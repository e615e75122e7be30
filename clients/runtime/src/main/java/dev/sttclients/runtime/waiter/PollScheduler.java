package dev.sttclients.runtime.waiter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay without holding a thread in between: what an asynchronous wait uses between polls.
 * Replaceable, e.g. by a virtual-time scheduler in tests.
 */
@FunctionalInterface
public interface PollScheduler {

  /**
   * Runs {@code task} once, after {@code delay}. The task must be quick (the waiter's task only hands the poll
   * to the poll executor).
   *
   * @return a handle whose {@code cancel} keeps the task from running
   * @throws java.util.concurrent.RejectedExecutionException when the scheduler is shut down
   */
  Future<?> schedule(Runnable task, Duration delay);

  /** A scheduler on {@code executor}. */
  static PollScheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
