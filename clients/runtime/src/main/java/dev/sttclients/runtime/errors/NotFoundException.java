package dev.sttclients.runtime.errors;

/** 404 Not Found: unknown or deleted resource. */
public class NotFoundException extends ServiceException {
  public NotFoundException(ErrorResponse response) {
    super(response);
  }
}
