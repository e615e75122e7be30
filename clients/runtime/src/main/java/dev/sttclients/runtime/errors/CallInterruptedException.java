package dev.sttclients.runtime.errors;

/**
 * The calling thread was interrupted: before the call, while it waited for a connection, sent, waited for or
 * read the response, or waited to retry. The thread's interrupt flag is still set when this is thrown, so code
 * further up sees the interruption too. Never retried.
 */
public class CallInterruptedException extends SttException {
  public CallInterruptedException(String vendor, String message, int attempts, Throwable cause) {
    super(vendor, message, attempts, cause);
  }
}
