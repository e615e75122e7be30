package dev.sttclients.runtime.waiter;

import dev.sttclients.runtime.errors.SttException;
import java.time.Duration;
import java.util.Optional;

/**
 * One poll of a wait, as a {@link WaitListener} sees it.
 *
 * @param vendor e.g. {@code gladia}
 * @param jobId the job waited for
 * @param poll 1 for the first poll
 * @param elapsed time since the wait started, on the waiter's clock
 * @param state the job's state from this poll; null when the poll failed
 * @param rawStatus the vendor's status string from this poll (also one the spec does not list); null when the
 *     poll failed
 * @param job the typed job from this poll (the vendor's generated model); null when the poll failed
 * @param error why the poll failed, or null
 * @param nextPollIn the wait before the next poll; null when this poll ends the wait
 */
public record PollEvent(String vendor, String jobId, int poll, Duration elapsed, JobState state, String rawStatus,
    Object job, SttException error, Duration nextPollIn) {

  /** The wait before the next poll; empty when this poll ends the wait. */
  public Optional<Duration> next() {
    return Optional.ofNullable(nextPollIn);
  }

  @Override
  public String toString() {
    return vendor + " job " + jobId + ": poll " + poll + " at " + elapsed.toMillis() + " ms: "
        + (error != null ? "failed (" + error.getMessage() + ")" : state + " (\"" + rawStatus + "\")")
        + (nextPollIn == null ? ", done" : ", next in " + nextPollIn.toMillis() + " ms");
  }
}
