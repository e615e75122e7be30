package dev.sttclients.runtime.errors;

/** 401 Unauthorized: the credential is missing, malformed or not accepted. */
public class AuthenticationException extends ServiceException {
  public AuthenticationException(ErrorResponse response) {
    super(response);
  }
}
