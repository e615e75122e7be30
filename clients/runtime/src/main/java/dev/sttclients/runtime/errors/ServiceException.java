package dev.sttclients.runtime.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor answered with a non-2xx status. Carries everything needed to act on it or report it:
 * the status, the response headers, the raw body, the vendor's error body parsed into its
 * generated model (when it parses), the vendor's error type and request id (when it sends them).
 */
public class ServiceException extends SttException {
  private final ErrorResponse response;

  public ServiceException(ErrorResponse response) {
    super(response.vendor(), response.describe(), response.attempts(), null);
    this.response = response;
  }

  public int statusCode() {
    return response.statusCode();
  }

  /** Response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** The response body as received (possibly truncated to the runtime's error-body limit), or "". */
  public String rawBody() {
    return response.rawBody();
  }

  /** The vendor's error body parsed into its generated model, if it parsed. */
  public Optional<Object> errorBody() {
    return Optional.ofNullable(response.errorBody());
  }

  /** The vendor's error body as its generated model type, if it parsed into that type. */
  public <T> Optional<T> errorBody(Class<T> type) {
    return errorBody().filter(type::isInstance).map(type::cast);
  }

  /** The vendor's request id (from a header or the error body), if it sent one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(response.requestId());
  }

  /** The vendor's machine-readable error type (e.g. Verbit's ErrorType, Daily's error), if any. */
  public Optional<String> errorType() {
    return Optional.ofNullable(response.errorType());
  }

  /** The vendor's human-readable error message, if any. */
  public Optional<String> vendorMessage() {
    return Optional.ofNullable(response.vendorMessage());
  }

  /** The operation that failed, e.g. {@code get}. */
  public String operation() {
    return response.operation();
  }
}
