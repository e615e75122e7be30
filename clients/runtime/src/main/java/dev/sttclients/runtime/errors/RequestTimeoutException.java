package dev.sttclients.runtime.errors;

/** A connect, response (socket read) or pool-lease timeout expired. */
public class RequestTimeoutException extends ConnectionException {
  public RequestTimeoutException(String vendor, String message, int attempts, Throwable cause) {
    super(vendor, message, attempts, cause);
  }
}
