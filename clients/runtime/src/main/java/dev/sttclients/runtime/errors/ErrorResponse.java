package dev.sttclients.runtime.errors;

import java.util.List;
import java.util.Map;

/** What the runtime knows about an HTTP error response; built by the runtime's error table. */
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
    int attempts) {

  public ErrorResponse {
    headers = Map.copyOf(headers);
    rawBody = rawBody == null ? "" : rawBody;
  }

  /** One line: vendor, operation, status, request id, vendor error type and message, attempts. */
  String describe() {
    StringBuilder sb = new StringBuilder()
        .append(vendor).append(' ').append(operation).append(": HTTP ").append(statusCode);
    if (errorType != null) sb.append(' ').append(errorType);
    if (vendorMessage != null) sb.append(": ").append(oneLine(vendorMessage));
    if (requestId != null) sb.append(" (request id ").append(requestId).append(')');
    sb.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
    return sb.toString();
  }

  static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
