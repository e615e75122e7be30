package dev.sttclients.faults;

import dev.sttclients.runtime.RetryEvent;
import dev.sttclients.runtime.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Per-test recorder: the waits the client asked for (instead of sleeping) and the retry events. */
final class Harness {
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final List<RetryEvent> events = new CopyOnWriteArrayList<>();
  /** Runs at each wait, before it returns (e.g. to start a server the retry will find). */
  volatile Runnable onSleep = () -> { };
  final Sleeper sleeper = d -> {
    waits.add(d);
    onSleep.run();
  };

  void onRetry(RetryEvent e) {
    events.add(e);
    Faults.EVENTS.add(e);
  }

  long waitMillis(int i) {
    return waits.get(i).toMillis();
  }
}
