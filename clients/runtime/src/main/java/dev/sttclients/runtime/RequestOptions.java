package dev.sttclients.runtime;

import dev.sttclients.runtime.internal.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call overrides: extra headers, a response timeout, an overall call timeout, a retry limit. Immutable; build
 * with {@code RequestOptions.builder().header("Prefer", "code=404").build()}. Every setter checks its argument and
 * throws {@link IllegalArgumentException} at once.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final Map<String, String> headers;
  private final Duration responseTimeout;
  private final Duration callTimeout;
  private final Integer maxRetries;

  private RequestOptions(Builder b) {
    this.headers = Map.copyOf(b.headers);
    this.responseTimeout = b.responseTimeout;
    this.callTimeout = b.callTimeout;
    this.maxRetries = b.maxRetries;
  }

  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Optional<Duration> responseTimeout() {
    return Optional.ofNullable(responseTimeout);
  }

  /** This call's overall deadline, replacing the client's {@code callTimeout}. */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.headers.putAll(headers);
    b.responseTimeout = responseTimeout;
    b.callTimeout = callTimeout;
    b.maxRetries = maxRetries;
    return b;
  }

  @Override
  public String toString() {
    return "RequestOptions{headers=" + headers.keySet() + ", responseTimeout=" + responseTimeout + ", callTimeout="
        + callTimeout + ", maxRetries=" + maxRetries + '}';
  }

  public static final class Builder {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration responseTimeout;
    private Duration callTimeout;
    private Integer maxRetries;

    private Builder() {}

    /**
     * Adds a header to this call (replaces one of the same name). It goes only to the configured origin: a redirect
     * to another origin is followed without it.
     *
     * @throws IllegalArgumentException for a name that is not an HTTP token, a value with a line break, a control
     *     character or non-ASCII text, or a header the HTTP client sets itself (Host, Content-Length,
     *     Transfer-Encoding, Connection, Expect, ...)
     */
    public Builder header(String name, String value) {
      String problem = dev.sttclients.runtime.internal.Headers.problem(Objects.requireNonNull(name, "name"),
          Objects.requireNonNull(value, "value"));
      if (problem != null) {
        throw new IllegalArgumentException("header " + name + " " + problem);
      }
      headers.put(name, value);
      return this;
    }

    public Builder headers(Map<String, String> all) {
      all.forEach(this::header);
      return this;
    }

    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = timeout == null ? null : Durations.positive("responseTimeout", timeout);
      return this;
    }

    /** This call's overall deadline (see the client builder's {@code callTimeout}); must be positive. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout == null ? null : Durations.positive("callTimeout", timeout);
      return this;
    }

    public Builder maxRetries(int n) {
      if (n < 0 || n > 10) {
        throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + n);
      }
      this.maxRetries = n;
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
