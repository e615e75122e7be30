package dev.sttclients.runtime.errors;

/**
 * One broken constraint: the field (as a path, e.g. {@code limit} or {@code body.finishIn}),
 * the offending value as text, and the rule (e.g. {@code must be greater than or equal to 1}).
 */
public record Violation(String field, String value, String rule) {
  @Override
  public String toString() {
    return field + "=" + value + " (" + rule + ")";
  }
}
