package dev.sttclients.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful response with its metadata, from an operation's {@code ...WithResponse} variant.
 *
 * @param statusCode HTTP status
 * @param headers response headers, names in lower case
 * @param requestId the vendor's request id, if it sent one in a header
 * @param attempts how many attempts the call took
 * @param body the typed body (null for operations without one)
 */
public record ApiResponse<T>(int statusCode, Map<String, List<String>> headers, String requestId, int attempts,
    T body) {

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  /** First value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
