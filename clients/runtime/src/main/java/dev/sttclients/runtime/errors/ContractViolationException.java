package dev.sttclients.runtime.errors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Strict mode only: a response that parsed but breaks a constraint the spec documents
 * (e.g. {@code error_code: 600} where the spec says 400..599). The parsed value is kept.
 */
public class ContractViolationException extends SttException {
  private final List<Violation> violations;
  private final Object value;

  public ContractViolationException(String vendor, String operation, int attempts, List<Violation> violations,
      Object value) {
    super(vendor, vendor + " " + operation + ": response breaks the spec: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")), attempts, null);
    this.violations = List.copyOf(violations);
    this.value = value;
  }

  public List<Violation> violations() {
    return violations;
  }

  /** The deserialized response, as the server sent it. */
  public Object value() {
    return value;
  }
}
