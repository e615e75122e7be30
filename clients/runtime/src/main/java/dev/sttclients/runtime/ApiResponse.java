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
 * @param unknownEnumValues enum values in the body that the spec does not list, by JSON path
 *     (e.g. {@code items[0].status -> "archived"}); the model holds the enum's {@code UNKNOWN_DEFAULT_OPEN_API}
 *     constant there, this map keeps what the server actually sent. Empty when there were none.
 */
public record ApiResponse<T>(int statusCode, Map<String, List<String>> headers, String requestId, int attempts,
    T body, Map<String, String> unknownEnumValues) {

  public ApiResponse {
    // The runtime's own header maps are immutable already (and made lazily: copying would make them)
    headers = headers instanceof dev.sttclients.runtime.internal.ResponseHeaders ? headers : Map.copyOf(headers);
    unknownEnumValues = unknownEnumValues == null || unknownEnumValues.isEmpty() ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknownEnumValues));
  }

  /** A response without unknown enum values. */
  public ApiResponse(int statusCode, Map<String, List<String>> headers, String requestId, int attempts, T body) {
    this(statusCode, headers, requestId, attempts, body, Map.of());
  }

  /** First value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
