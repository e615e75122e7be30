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
  /**
   * Where vendors put a human-readable error message, in the order tried when the profile's own message field
   * is absent, empty or not text (an open or unknown body, a proxy's error page in JSON, a field renamed by the
   * vendor). Each name is looked up at the top of the body and again inside a field that holds an object or a
   * list, so {@code {"error": {"message": ...}}}, FastAPI's {@code {"detail": [{"msg": ...}]}} and
   * {@code {"errors": [{"message": ...}]}} all give their text. Seen in the wild: {@code message} (Gladia, most
   * REST APIs), {@code error} (a string, or an object with its own message), {@code detail} (FastAPI,
   * RFC 9457), {@code ErrorComment} (Verbit), {@code info} (Daily), {@code error_message}, {@code title}
   * (RFC 9457), {@code msg} (FastAPI items), {@code errors} (JSON:API and others).
   */
  public static final List<String> MESSAGE_FIELDS = List.of(
      "message", "error", "detail", "ErrorComment", "info", "error_message", "title", "msg", "errors");
  /** How deep {@link #MESSAGE_FIELDS} are followed into nested objects and lists. */
  private static final int MAX_MESSAGE_DEPTH = 3;
  /** How many items of a list are joined into one message. */
  private static final int MAX_MESSAGE_ITEMS = 10;

  private final VendorProfile vendor;
  /** The vendor's request-id headers, lower-cased once (response header maps are keyed so). */
  private final List<String> requestIdHeaders;

  public ErrorTable(VendorProfile vendor) {
    this.vendor = vendor;
    this.requestIdHeaders = vendor.requestIdHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
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
    for (String name : requestIdHeaders) {
      List<String> v = headers.get(name);
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
    JsonNode parsed = null;
    try {
      parsed = raw.isBlank() ? null : Json.mapper().readTree(raw);
    } catch (java.io.IOException notJson) {
      // an HTML page from a proxy, say: the raw body is kept on the exception
    }
    JsonNode tree = parsed != null && parsed.isObject() ? parsed : null;
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
    String message = tree != null ? vendorMessage(tree, vendor.messageField(), vendor.errorTypeField())
        : parsed != null && parsed.isArray() ? messageIn(parsed, 1)
        : parsed == null && !raw.isBlank() && raw.length() <= 200 && !raw.contains("<") ? raw.strip()
        : null;
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

  /**
   * The human-readable message of an error body: the vendor's configured {@code messageField} when it holds
   * text (or an object/list with a message inside), else the first of {@link #MESSAGE_FIELDS} that does. A
   * top-level string under {@code errorTypeField} is the vendor's machine-readable type, not a message, and is
   * skipped. Null when the body has no message at all.
   */
  public static String vendorMessage(JsonNode body, String messageField, String errorTypeField) {
    if (body == null || !body.isObject()) {
      return null;
    }
    if (messageField != null) {
      String configured = messageIn(body.get(messageField), 1);
      if (configured != null) {
        return configured;
      }
    }
    for (String field : MESSAGE_FIELDS) {
      JsonNode v = body.get(field);
      if (v == null || (field.equals(errorTypeField) && v.isValueNode())) {
        continue;
      }
      String m = messageIn(v, 1);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** Text, an object's first message field, or a list's messages joined with "; "; null when none. */
  private static String messageIn(JsonNode node, int depth) {
    if (node == null || depth > MAX_MESSAGE_DEPTH) {
      return null;
    }
    if (node.isTextual()) {
      String s = node.asText().strip();
      return s.isEmpty() ? null : s;
    }
    if (node.isObject()) {
      for (String field : MESSAGE_FIELDS) {
        String m = messageIn(node.get(field), depth + 1);
        if (m != null) {
          return m;
        }
      }
      return null;
    }
    if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      int taken = 0;
      for (JsonNode item : node) {
        if (taken == MAX_MESSAGE_ITEMS) {
          joined.append("; ...");
          break;
        }
        String m = messageIn(item, depth + 1);
        if (m != null) {
          joined.append(joined.length() == 0 ? "" : "; ").append(m);
          taken++;
        }
      }
      return joined.length() == 0 ? null : joined.toString();
    }
    return null;
  }

  private static String text(JsonNode tree, String field) {
    if (tree == null || field == null) {
      return null;
    }
    JsonNode v = tree.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
