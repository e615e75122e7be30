package dev.sttclients.runtime.errors;

/** A non-2xx status without a dedicated type (e.g. 3xx, 405, 408 after retries). */
public class UnexpectedStatusException extends ServiceException {
  public UnexpectedStatusException(ErrorResponse response) {
    super(response);
  }
}
