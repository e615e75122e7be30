package dev.sttclients.runtime;

import java.time.Duration;

/** Waits between retries. Replaceable so that tests can record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
