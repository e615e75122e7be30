package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;

/**
 * A {@link PollScheduler} on virtual time: scheduled tasks wait in a queue until {@link #runUntil} moves the
 * {@link FakeTime} clock to their due time and runs them, in order. Nothing waits on the wall clock.
 */
final class VirtualScheduler implements PollScheduler {
  private final FakeTime time;
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long seq;
  private int scheduled;

  VirtualScheduler(FakeTime time) {
    this.time = time;
  }

  @Override
  public synchronized Task schedule(Runnable task, Duration delay) {
    Task t = new Task(task, time.instant().plus(delay), seq++);
    queue.add(t);
    scheduled++;
    notifyAll();
    return t;
  }

  /** Tasks waiting to run. */
  synchronized int pending() {
    return queue.size();
  }

  /** How many tasks were ever scheduled. */
  synchronized int scheduled() {
    return scheduled;
  }

  /** Blocks (without time limit of its own) until {@code condition} holds; woken by every schedule. */
  synchronized void await(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      wait(20);
    }
  }

  /**
   * Runs due tasks in time order, moving the clock forward to each, until {@code done} holds. While the queue is
   * empty (polls still running on the executor) it waits for the next task to be scheduled.
   */
  void runUntil(BooleanSupplier done) throws InterruptedException {
    while (!done.getAsBoolean()) {
      Task next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          wait(20);
          continue;
        }
      }
      time.set(next.due);
      next.run();
    }
  }

  final class Task extends FutureTask<Void> implements Comparable<Task> {
    final Instant due;
    final long order;

    Task(Runnable r, Instant due, long order) {
      super(r, null);
      this.due = due;
      this.order = order;
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      synchronized (VirtualScheduler.this) {
        queue.remove(this);
      }
      return super.cancel(mayInterrupt);
    }

    @Override
    public int compareTo(Task o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }
}
