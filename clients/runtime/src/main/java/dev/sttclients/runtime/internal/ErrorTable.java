package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.VendorProfile;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.ConflictException;
import dev.sttclients.runtime.errors.ErrorResponse;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.ServiceException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table from HTTP status to exception type, and the reading of a vendor's error body
 * (parsed into its generated model when it parses, kept raw always).
 */
public final class ErrorTable {
  private final VendorProfile vendor;

  public ErrorTable(VendorProfile vendor) {
    this.vendor = vendor;
  }

  /**
   * Statuses worth another try for an idempotent request: 408, 429 and every 5xx but 501 (Not Implemented,
   * which no retry can change).
   */
  public static boolean retryableStatus(int status) {
    return status == 408 || status == 429 || (status >= 500 && status < 600 && status != 501);
  }

  /** {@code Retry-After} on a 429 or 503, in seconds or as an HTTP-date; null when absent or unreadable. */
  public static Duration retryAfter(int status, Map<String, List<String>> headers) {
    return retryAfter(status, headers, Instant.now());
  }

  /** As {@link #retryAfter(int, Map)}, an HTTP-date measured from {@code now}; a date in the past is zero. */
  public static Duration retryAfter(int status, Map<String, List<String>> headers, Instant now) {
    if (status != 429 && status != 503) {
      return null;
    }
    List<String> values = headers.get("retry-after");
    if (values == null || values.isEmpty() || values.get(0) == null) {
      return null;
    }
    String v = values.get(0).trim();
    if (v.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, when);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  public String requestIdFromHeaders(Map<String, List<String>> headers) {
    for (String name : vendor.requestIdHeaders()) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      if (v != null && !v.isEmpty() && !v.get(0).isBlank()) {
        return v.get(0);
      }
    }
    return null;
  }

  public ServiceException toException(String operation, int status, Map<String, List<String>> headers, String raw,
      Duration retryAfter, int attempts) {
    return toException(operation, status, headers, raw, retryAfter, attempts, null);
  }

  /**
   * The typed exception for an error response. {@code headers} and {@code raw} must already be redacted;
   * {@code detail} is the runtime's own note (e.g. why a redirect was not followed), or null.
   */
  public ServiceException toException(String operation, int status, Map<String, List<String>> headers, String raw,
      Duration retryAfter, int attempts, String detail) {
    JsonNode tree = null;
    try {
      JsonNode parsed = raw.isBlank() ? null : Json.mapper().readTree(raw);
      tree = parsed != null && parsed.isObject() ? parsed : null;
    } catch (java.io.IOException notJson) {
      // an HTML page from a proxy, say: the raw body is kept on the exception
    }
    Object body = null;
    if (tree != null) {
      try {
        body = vendor.errorBodyType() == null
            ? Json.mapper().convertValue(tree, Map.class)
            : Json.mapper().treeToValue(tree, vendor.errorBodyType());
      } catch (java.io.IOException | IllegalArgumentException notTheDocumentedShape) {
        body = null;
      }
    }
    String requestId = requestIdFromHeaders(headers);
    if (requestId == null) {
      requestId = text(tree, vendor.requestIdField());
    }
    String message = text(tree, vendor.messageField());
    if (message == null && tree == null && !raw.isBlank() && raw.length() <= 200 && !raw.contains("<")) {
      message = raw;
    }
    ErrorResponse r = new ErrorResponse(vendor.name(), operation, status, headers, raw, body, requestId,
        text(tree, vendor.errorTypeField()), message, attempts, detail);
    return switch (status) {
      case 400, 422 -> new BadRequestException(r);
      case 401 -> new AuthenticationException(r);
      case 403 -> new PermissionDeniedException(r);
      case 404 -> new NotFoundException(r);
      case 409 -> new ConflictException(r);
      case 429 -> new RateLimitException(r, retryAfter);
      default -> status >= 500 && status < 600 ? new ServerException(r, retryAfter) : new UnexpectedStatusException(r);
    };
  }

  private static String text(JsonNode tree, String field) {
    if (tree == null || field == null) {
      return null;
    }
    JsonNode v = tree.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
