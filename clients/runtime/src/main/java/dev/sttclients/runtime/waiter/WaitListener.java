package dev.sttclients.runtime.waiter;

/**
 * Sees every poll of a wait, successful or not, before the waiter acts on it. Called on the thread that made the
 * poll; keep it quick. An exception it throws ends the wait and reaches the caller as is.
 */
@FunctionalInterface
public interface WaitListener {
  void onPoll(PollEvent event);
}
