package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The asynchronous waiter's shared threads never keep the JVM alive, and say whose they are. */
class WaiterThreadsTest {
  private static String describe(Thread t) {
    return t.getName().replaceAll("-\\d+$", "-N") + (t.isDaemon() ? " daemon" : " non-daemon");
  }

  @Test
  void pollsRunOnSharedDaemonThreads() throws Exception {
    CompletableFuture<String> ran = new CompletableFuture<>();
    WaiterThreads.executor().execute(() -> ran.complete(describe(Thread.currentThread())));
    assertEquals("stt-waiter-poll-N daemon", ran.get(10, TimeUnit.SECONDS));
  }

  @Test
  void timersFireOnASharedDaemonThread() throws Exception {
    CompletableFuture<String> ran = new CompletableFuture<>();
    WaiterThreads.scheduler().schedule(() -> ran.complete(describe(Thread.currentThread())), Duration.ZERO);
    assertEquals("stt-waiter-timer-N daemon", ran.get(10, TimeUnit.SECONDS));
  }
}
