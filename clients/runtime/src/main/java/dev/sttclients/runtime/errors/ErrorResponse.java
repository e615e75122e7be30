package dev.sttclients.runtime.errors;

import java.util.List;
import java.util.Map;

/**
 * What the runtime knows about an HTTP error response; built by the runtime's error table. Every text in it
 * (raw body, header values, the parsed error body, message) has the client's credential replaced by {@code ****}.
 *
 * @param detail the runtime's own note on the response, e.g. why a redirect was not followed; null if none
 */
public record ErrorResponse(
    String vendor,
    String operation,
    int statusCode,
    Map<String, List<String>> headers,
    String rawBody,
    Object errorBody,
    String requestId,
    String errorType,
    String vendorMessage,
    int attempts,
    String detail) {

  public ErrorResponse {
    headers = Map.copyOf(headers);
    rawBody = rawBody == null ? "" : rawBody;
  }

  /** A response without a runtime note (see {@link #detail()}). */
  public ErrorResponse(String vendor, String operation, int statusCode, Map<String, List<String>> headers,
      String rawBody, Object errorBody, String requestId, String errorType, String vendorMessage, int attempts) {
    this(vendor, operation, statusCode, headers, rawBody, errorBody, requestId, errorType, vendorMessage, attempts,
        null);
  }

  /** One line: vendor, operation, status, request id, vendor error type and message, attempts. */
  String describe() {
    StringBuilder sb = new StringBuilder()
        .append(vendor).append(' ').append(operation).append(": HTTP ").append(statusCode);
    if (errorType != null) sb.append(' ').append(oneLine(errorType));
    if (vendorMessage != null) sb.append(": ").append(oneLine(vendorMessage));
    if (requestId != null) sb.append(" (request id ").append(oneLine(requestId)).append(')');
    if (detail != null) sb.append(" (").append(detail).append(')');
    sb.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
    return sb.toString();
  }

  static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
