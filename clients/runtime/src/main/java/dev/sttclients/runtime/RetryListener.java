package dev.sttclients.runtime;

/** Sees every retry, e.g. to count them in metrics. Called on the calling thread before the wait. */
@FunctionalInterface
public interface RetryListener {
  void onRetry(RetryEvent event);
}
