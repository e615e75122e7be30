package dev.sttclients.runtime.errors;

/** 400 Bad Request or 422 Unprocessable Entity: the vendor rejected the request's content. */
public class BadRequestException extends ServiceException {
  public BadRequestException(ErrorResponse response) {
    super(response);
  }
}
