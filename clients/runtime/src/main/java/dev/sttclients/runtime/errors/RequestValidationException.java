package dev.sttclients.runtime.errors;

import java.util.List;
import java.util.stream.Collectors;

/** The request breaks the spec (bad id, out-of-range number, missing field). No request was sent. */
public class RequestValidationException extends SttException {
  private final List<Violation> violations;

  public RequestValidationException(String vendor, String operation, List<Violation> violations) {
    super(vendor, vendor + " " + operation + ": invalid request, nothing sent: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")), 0, null);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
