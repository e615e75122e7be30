package dev.sttclients.runtime.errors;

/** 5xx: the vendor failed. Retried by default for idempotent calls. */
public class ServerException extends ServiceException {
  public ServerException(ErrorResponse response) {
    super(response);
  }
}
