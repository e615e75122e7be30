package dev.sttclients.runtime.errors;

/** The request failed at the I/O level (connection refused or reset, TLS failure, broken body). */
public class ConnectionException extends SttException {
  public ConnectionException(String vendor, String message, int attempts, Throwable cause) {
    super(vendor, message, attempts, cause);
  }
}
