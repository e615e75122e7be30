package dev.sttclients.runtime.errors;

/** 403 Forbidden: the credential is valid but may not do this (or the resource is not in a state that allows it). */
public class PermissionDeniedException extends AuthenticationException {
  public PermissionDeniedException(ErrorResponse response) {
    super(response);
  }
}
