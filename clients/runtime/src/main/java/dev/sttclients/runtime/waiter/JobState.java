package dev.sttclients.runtime.waiter;

/**
 * Where a transcription job is, in one vocabulary for every vendor. Each vendor's status enum maps its own
 * values onto these in its spec ({@code x-job-states} on the status schema); the generated enum's
 * {@link JobStatusValue#jobState()} returns the mapped state.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>terminal</th><th>meaning</th></tr>
 *   <tr><td>{@link #QUEUED}</td><td>no</td><td>accepted, not started (queued, submitted, pending)</td></tr>
 *   <tr><td>{@link #RUNNING}</td><td>no</td><td>being processed (any processing step)</td></tr>
 *   <tr><td>{@link #SUCCEEDED}</td><td>yes</td><td>finished; the result is available</td></tr>
 *   <tr><td>{@link #FAILED}</td><td>yes</td><td>finished without a result because processing failed</td></tr>
 *   <tr><td>{@link #CANCELED}</td><td>yes</td><td>stopped before finishing</td></tr>
 *   <tr><td>{@link #DELETED}</td><td>yes</td><td>the job (and its result) no longer exists</td></tr>
 *   <tr><td>{@link #UNKNOWN}</td><td>no</td><td>a status the spec does not list (the raw string is kept);
 *       a waiter keeps polling</td></tr>
 * </table>
 */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELED,
  DELETED,
  UNKNOWN;

  /** True when the job will not change any more: {@link #SUCCEEDED}, {@link #FAILED}, {@link #CANCELED}, {@link #DELETED}. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELED || this == DELETED;
  }

  /** True for a terminal state without a result: {@link #FAILED}, {@link #CANCELED}, {@link #DELETED}. */
  public boolean isUnsuccessful() {
    return isTerminal() && this != SUCCEEDED;
  }
}
