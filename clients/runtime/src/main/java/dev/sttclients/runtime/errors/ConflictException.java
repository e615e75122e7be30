package dev.sttclients.runtime.errors;

/** 409 Conflict. */
public class ConflictException extends ServiceException {
  public ConflictException(ErrorResponse response) {
    super(response);
  }
}
