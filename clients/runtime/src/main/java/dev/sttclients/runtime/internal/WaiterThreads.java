package dev.sttclients.runtime.internal;

import dev.sttclients.runtime.waiter.JobWaiter;
import dev.sttclients.runtime.waiter.PollScheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared threads of asynchronous waits, created on first use only: one timer thread and a pool of at most
 * {@link JobWaiter#DEFAULT_POLL_THREADS} poll threads. All are daemon threads and end after 30 s without work, so
 * nothing needs closing and an idle application holds none of them.
 */
public final class WaiterThreads {
  private static final long IDLE_SECONDS = 30;

  private WaiterThreads() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor TIMER = timer();
    static final PollScheduler SCHEDULER = PollScheduler.of(TIMER);
    static final ThreadPoolExecutor POLLS = polls();
  }

  /** The shared scheduler (one daemon timer thread). */
  public static PollScheduler scheduler() {
    return Holder.SCHEDULER;
  }

  /** The shared poll executor ({@link JobWaiter#DEFAULT_POLL_THREADS} daemon threads at most, unbounded queue). */
  public static Executor executor() {
    return Holder.POLLS;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("stt-waiter-timer"));
    timer.setRemoveOnCancelPolicy(true); // a cancelled wait leaves nothing behind in the queue
    timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true); // the last thread stays while a poll is scheduled
    return timer;
  }

  private static ThreadPoolExecutor polls() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(JobWaiter.DEFAULT_POLL_THREADS, JobWaiter.DEFAULT_POLL_THREADS,
        IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("stt-waiter-poll"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
