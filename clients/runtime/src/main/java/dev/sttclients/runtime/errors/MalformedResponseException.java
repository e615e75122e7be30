package dev.sttclients.runtime.errors;

import java.util.List;
import java.util.Map;

/**
 * A successful status whose body is not what the spec promises: empty, truncated or invalid JSON,
 * an HTML page from a proxy, a wrong content type. Says what was expected and keeps what came.
 */
public class MalformedResponseException extends SttException {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final String rawBody;

  public MalformedResponseException(String vendor, String message, int attempts, int statusCode,
      Map<String, List<String>> headers, String rawBody, Throwable cause) {
    super(vendor, message, attempts, cause);
    this.statusCode = statusCode;
    this.headers = Map.copyOf(headers);
    this.rawBody = rawBody == null ? "" : rawBody;
  }

  public int statusCode() {
    return statusCode;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The body as received (possibly truncated), or "". */
  public String rawBody() {
    return rawBody;
  }
}
