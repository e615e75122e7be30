package dev.sttclients.runtime;

import java.util.Objects;

/**
 * How a vendor takes its credential: a header with an optional value prefix
 * ({@code x-gladia-key: KEY}, {@code Authorization: Bearer KEY}, {@code Authorization: ApiToken KEY})
 * or, where a vendor still offers it, a query parameter (never a default: it lands in proxy logs).
 */
public record AuthScheme(Location location, String name, String prefix) {
  public enum Location { HEADER, QUERY }

  public AuthScheme {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    prefix = prefix == null ? "" : prefix;
  }

  public static AuthScheme header(String name) {
    return new AuthScheme(Location.HEADER, name, "");
  }

  public static AuthScheme header(String name, String prefix) {
    return new AuthScheme(Location.HEADER, name, prefix);
  }

  /** {@code Authorization: Bearer <token>}. */
  public static AuthScheme bearer() {
    return header("Authorization", "Bearer ");
  }

  /**
   * A query parameter: legacy only. The runtime keeps it out of its own log lines, messages and retry events,
   * but HttpClient's {@code org.apache.hc.client5.http.impl.classic.MainClientExec} logger prints request lines
   * (query included) at DEBUG; the runtime warns when that logger is at DEBUG for such a client.
   */
  public static AuthScheme query(String name) {
    return new AuthScheme(Location.QUERY, name, "");
  }
}
