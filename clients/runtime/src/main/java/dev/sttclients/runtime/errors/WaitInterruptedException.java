package dev.sttclients.runtime.errors;

import dev.sttclients.runtime.waiter.JobState;
import java.time.Duration;

/**
 * The wait stopped before the job finished because the waiting thread was interrupted (the thread's interrupt
 * flag is left set, so that the code above sees it too), or, for an asynchronous wait, because its executor or
 * scheduler refused the next poll (it was shut down; that refusal is the cause). The job itself goes on at
 * the vendor.
 */
public class WaitInterruptedException extends WaiterException {
  public WaitInterruptedException(String vendor, String jobId, String why, JobState lastState,
      String lastRawStatus, Object lastJob, int polls, Duration elapsed, Throwable cause) {
    super(vendor, vendor + " job " + jobId + ": " + why + ", last seen" + status(lastState, lastRawStatus)
        + ", after " + progress(polls, elapsed), jobId, lastState, lastRawStatus, lastJob, polls, elapsed, cause);
  }
}
