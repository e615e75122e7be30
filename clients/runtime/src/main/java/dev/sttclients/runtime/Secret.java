package dev.sttclients.runtime;

import java.util.Objects;

/**
 * A credential. Its {@code toString()} never shows the value, so a secret that ends up in a log line,
 * an exception message or a debugger's variable view stays secret.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-blank credential. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret");
    if (value.isBlank()) {
      throw new IllegalArgumentException("credential is blank");
    }
    return new Secret(value);
  }

  /** The credential itself: only for putting it on the wire. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
