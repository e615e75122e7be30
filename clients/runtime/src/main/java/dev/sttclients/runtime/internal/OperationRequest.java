package dev.sttclients.runtime.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One operation call as the generated API describes it: method, path template and parameters.
 * Built by generated code only. Encoding lives here, once: path values are percent-encoded as a
 * single segment (so {@code ../}, {@code /}, {@code ?}, {@code #} and spaces can never reach another path),
 * query values are percent-encoded, arrays are exploded ({@code status=a&status=b}) unless the spec says
 * otherwise ({@code explode: false}: {@code status=a,b}, each value encoded and the separating commas literal, as
 * OpenAPI's form style writes them), and deepObject maps become {@code name[key]=value}.
 */
public final class OperationRequest {
  final String operationId;
  final String method;
  final String pathTemplate;
  final Map<String, String> pathParams;
  /** Name and values; more than one value only for a non-exploded array (written comma-separated). */
  final List<Map.Entry<String, List<String>>> queryParams;
  final Map<String, String> headers;
  final Object body;
  final String contentType;
  final String accept;

  private OperationRequest(Builder b) {
    this.operationId = b.operationId;
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.pathParams = Map.copyOf(b.pathParams);
    this.queryParams = List.copyOf(b.queryParams);
    this.headers = Map.copyOf(b.headers);
    this.body = b.body;
    this.contentType = b.contentType;
    this.accept = b.accept;
  }

  public static Builder builder(String operationId, String method, String pathTemplate) {
    return new Builder(operationId, method, pathTemplate);
  }

  public String operationId() {
    return operationId;
  }

  public String method() {
    return method;
  }

  public Object body() {
    return body;
  }

  public String contentType() {
    return contentType;
  }

  public String accept() {
    return accept;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** True for methods that may be repeated without changing the outcome (RFC 9110 section 9.2.2). */
  public boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }

  /** The path with its parameters encoded; no query string. */
  public String path() {
    String p = pathTemplate;
    for (Map.Entry<String, String> e : pathParams.entrySet()) {
      p = p.replace("{" + e.getKey() + "}", PercentEncoding.pathSegment(e.getValue()));
    }
    return p;
  }

  /** The encoded query string without '?', or "". */
  public String query() {
    return queryParams.stream()
        .map(e -> PercentEncoding.query(e.getKey()) + "="
            + e.getValue().stream().map(PercentEncoding::query).collect(Collectors.joining(",")))
        .collect(Collectors.joining("&"));
  }

  /**
   * How a parameter value is written on the wire. Date-times always with seconds (RFC 3339):
   * {@code OffsetDateTime.toString()} would drop zero seconds ({@code 2024-01-01T00:00Z}), which servers reject.
   */
  static String format(Object value) {
    if (value instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    if (value instanceof LocalDate d) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }
    return String.valueOf(value);
  }

  public static final class Builder {
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final List<Map.Entry<String, List<String>>> queryParams = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object body;
    private String contentType;
    private String accept;

    private Builder(String operationId, String method, String pathTemplate) {
      this.operationId = Objects.requireNonNull(operationId);
      this.method = Objects.requireNonNull(method);
      this.pathTemplate = Objects.requireNonNull(pathTemplate);
    }

    public Builder pathParam(String name, Object value) {
      pathParams.put(name, format(Objects.requireNonNull(value, name)));
      return this;
    }

    /** A query parameter; null is left out, a collection is exploded or comma-joined. */
    public Builder queryParam(String name, Object value, boolean explode) {
      if (value == null) {
        return this;
      }
      if (value instanceof Collection<?> c) {
        if (explode) {
          c.forEach(v -> queryParams.add(Map.entry(name, List.of(format(v)))));
        } else if (!c.isEmpty()) {
          queryParams.add(Map.entry(name, c.stream().map(OperationRequest::format).toList()));
        }
      } else {
        queryParams.add(Map.entry(name, List.of(format(value))));
      }
      return this;
    }

    /** A {@code style: deepObject} parameter: each map entry becomes {@code name[key]=value}. */
    public Builder deepObjectQueryParam(String name, Map<?, ?> value) {
      if (value != null) {
        value.forEach((k, v) -> queryParams.add(Map.entry(name + "[" + k + "]", List.of(format(v)))));
      }
      return this;
    }

    public Builder header(String name, Object value) {
      if (value != null) {
        headers.put(name, format(value));
      }
      return this;
    }

    public Builder body(Object body, String contentType) {
      this.body = body;
      this.contentType = contentType;
      return this;
    }

    public Builder accept(String accept) {
      this.accept = accept;
      return this;
    }

    public OperationRequest build() {
      return new OperationRequest(this);
    }
  }
}
