package dev.sttclients.runtime.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link PollScheduler#of}: a scheduler on the caller's executor (built here, inside the test). */
class PollSchedulerTest {

  /** Records the delay of every task scheduled on it. */
  static final class Recording extends ScheduledThreadPoolExecutor {
    final List<Long> delaysNanos = new CopyOnWriteArrayList<>();

    Recording() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delaysNanos.add(unit.toNanos(delay));
      return super.schedule(command, delay, unit);
    }
  }

  @Test
  void schedulesOnTheExecutorWithTheDelayAndCanBeCancelled() throws Exception {
    Recording executor = new Recording();
    try {
      PollScheduler scheduler = PollScheduler.of(executor);
      AtomicInteger ranLater = new AtomicInteger();
      Future<?> later = scheduler.schedule(ranLater::incrementAndGet, Duration.ofHours(1).plusNanos(7));
      assertEquals(List.of(3_600_000_000_007L), executor.delaysNanos);
      assertFalse(later.isDone());
      assertTrue(later.cancel(false), "the handle keeps the task from running");
      assertTrue(later.isCancelled());

      CountDownLatch ran = new CountDownLatch(1);
      Future<?> now = scheduler.schedule(ran::countDown, Duration.ZERO);
      assertTrue(ran.await(30, TimeUnit.SECONDS), "a task due now runs on the executor");
      now.get(30, TimeUnit.SECONDS);
      assertTrue(now.isDone());
      assertEquals(List.of(3_600_000_000_007L, 0L), executor.delaysNanos);
      assertEquals(0, ranLater.get());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aNullExecutorIsRefusedAtOnce() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> PollScheduler.of(null));
    assertEquals("executor", e.getMessage());
  }
}
