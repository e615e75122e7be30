package dev.sttclients.runtime.errors;

/**
 * The client was closed: the call was made after {@code close()}, or was in flight (sending, waiting for the
 * response, reading the body or waiting to retry) when another thread closed the client. Nothing is retried
 * after {@code close()}.
 */
public class ClientClosedException extends SttException {
  public ClientClosedException(String vendor, String message, int attempts, Throwable cause) {
    super(vendor, message, attempts, cause);
  }
}
