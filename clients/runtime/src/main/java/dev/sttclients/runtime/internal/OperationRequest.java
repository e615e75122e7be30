package dev.sttclients.runtime.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation call as the generated API describes it: method, path template and parameters.
 * Built by generated code only. Encoding lives here, once: path values are percent-encoded as a
 * single segment (so {@code ../}, {@code /}, {@code ?}, {@code #} and spaces can never reach another path),
 * query values are percent-encoded, arrays are exploded ({@code status=a&status=b}) unless the spec says
 * otherwise ({@code explode: false}: {@code status=a,b}, each value encoded and the separating commas literal, as
 * OpenAPI's form style writes them), and deepObject maps become {@code name[key]=value}. The body is JSON, a
 * {@link dev.sttclients.runtime.BinaryBody} (raw binary) or form parts ({@code multipart/form-data},
 * {@code application/x-www-form-urlencoded}); see {@link RequestBodies}.
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
  final List<FormPart> formParts;
  final Map<String, Long> maxBytes;
  final URI externalUrl;
  /** Computed on first use (the request is immutable); a race computes the same string twice. */
  private String path;
  private String query;

  /** One form field: a text value, a model (sent as JSON), or a {@link dev.sttclients.runtime.BinaryBody} file. */
  public record FormPart(String name, Object value, String contentType) {}

  private OperationRequest(Builder b) {
    this.operationId = b.operationId;
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    // A builder makes one request: its collections are taken over, not copied (and never changed afterwards).
    this.pathParams = b.pathParams;
    this.queryParams = b.queryParams;
    this.headers = b.headers == null ? Map.of() : Collections.unmodifiableMap(b.headers);
    this.body = b.body;
    this.contentType = b.contentType;
    this.accept = b.accept;
    this.formParts = b.formParts == null ? List.of() : Collections.unmodifiableList(b.formParts);
    this.maxBytes = b.maxBytes == null ? Map.of() : Collections.unmodifiableMap(b.maxBytes);
    this.externalUrl = b.externalUrl;
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

  /** The form fields in spec order (nulls left out); empty unless the body is a form. */
  public List<FormPart> formParts() {
    return formParts;
  }

  /** Documented size limits of binary fields, by wire name ({@code body} for a raw binary body). */
  public Map<String, Long> maxBytes() {
    return maxBytes;
  }

  /**
   * The absolute URL of a request that goes outside the vendor's API (e.g. a presigned object-storage URL the vendor
   * handed out), or null. Such a request is sent as is, never with the client's credentials.
   */
  public URI externalUrl() {
    return externalUrl;
  }

  /** True for methods that may be repeated without changing the outcome (RFC 9110 section 9.2.2). */
  public boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE" -> true;
      default -> false;
    };
  }

  /** The path with its parameters encoded; no query string. For an external request, its URL's path. */
  public String path() {
    String p = path;
    if (p == null) {
      path = p = buildPath();
    }
    return p;
  }

  private String buildPath() {
    if (externalUrl != null) {
      return externalUrl.getRawPath() == null ? "" : externalUrl.getRawPath();
    }
    if (pathParams.isEmpty()) {
      return pathTemplate;
    }
    StringBuilder sb = new StringBuilder(pathTemplate.length() + 32);
    int at = 0;
    for (int open = pathTemplate.indexOf('{'); open >= 0; open = pathTemplate.indexOf('{', at)) {
      int close = pathTemplate.indexOf('}', open);
      if (close < 0) {
        break;
      }
      String value = pathParams.get(pathTemplate.substring(open + 1, close));
      if (value == null) { // not a parameter of this request: kept as written
        sb.append(pathTemplate, at, close + 1);
      } else {
        sb.append(pathTemplate, at, open).append(PercentEncoding.pathSegment(value));
      }
      at = close + 1;
    }
    return sb.append(pathTemplate, at, pathTemplate.length()).toString();
  }

  /** The encoded query string without '?', or "". */
  public String query() {
    String q = query;
    if (q == null) {
      query = q = buildQuery();
    }
    return q;
  }

  private String buildQuery() {
    if (queryParams.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(64);
    for (Map.Entry<String, List<String>> e : queryParams) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(PercentEncoding.query(e.getKey())).append('=');
      List<String> values = e.getValue();
      for (int i = 0; i < values.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(PercentEncoding.query(values.get(i)));
      }
    }
    return sb.toString();
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
    // made on first use: most requests have no header parameters, form parts or size limits
    private Map<String, String> headers;
    private Object body;
    private String contentType;
    private String accept;
    private List<FormPart> formParts;
    private Map<String, Long> maxBytes;
    private URI externalUrl;

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
        if (headers == null) {
          headers = new LinkedHashMap<>();
        }
        headers.put(name, format(value));
      }
      return this;
    }

    public Builder body(Object body, String contentType) {
      this.body = body;
      this.contentType = contentType;
      return this;
    }

    /** A form body ({@code multipart/form-data} or {@code application/x-www-form-urlencoded}); add its fields with {@link #formParam}. */
    public Builder form(String contentType) {
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /**
     * A form field; null is left out. {@code contentType} is the spec's {@code encoding} for it, or null (then: a
     * file part for a {@link dev.sttclients.runtime.BinaryBody}, plain text for a string or number, JSON otherwise).
     */
    public Builder formParam(String name, Object value, String contentType) {
      if (value != null) {
        if (formParts == null) {
          formParts = new ArrayList<>();
        }
        formParts.add(new FormPart(Objects.requireNonNull(name, "name"), value, contentType));
      }
      return this;
    }

    /** The documented size limit, in bytes, of a binary field ({@code body} for a raw binary body). */
    public Builder maxBytes(String name, long bytes) {
      if (maxBytes == null) {
        maxBytes = new LinkedHashMap<>();
      }
      maxBytes.put(Objects.requireNonNull(name, "name"), bytes);
      return this;
    }

    /** Sends the request to this absolute URL instead of the vendor's API, without credentials. */
    public Builder externalUrl(URI url) {
      this.externalUrl = Objects.requireNonNull(url, "url");
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
