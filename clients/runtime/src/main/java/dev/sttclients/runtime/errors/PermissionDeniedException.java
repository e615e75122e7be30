package dev.sttclients.runtime.errors;

/**
 * 403 Forbidden: the credential was accepted but may not do this, or the resource is not in a state that
 * allows it (e.g. Gladia's delete of a job that is still processing). Not an {@link AuthenticationException}:
 * {@code catch (AuthenticationException e)} (a bad or missing key) does not catch it.
 */
public class PermissionDeniedException extends ServiceException {
  public PermissionDeniedException(ErrorResponse response) {
    super(response);
  }
}
