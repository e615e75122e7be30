package dev.sttclients.runtime.errors;

import java.util.List;
import java.util.Map;

/**
 * A successful response whose body is larger than the client's {@code maxResponseSize} (announced by its
 * {@code Content-Length}, or found while reading): the body is not read further and the connection is dropped.
 * Streamed binary bodies ({@code BinaryResponse}) have no such limit. Not retried.
 */
public class ResponseTooLargeException extends MalformedResponseException {
  private final long limit;

  public ResponseTooLargeException(String vendor, String message, int attempts, int statusCode,
      Map<String, List<String>> headers, long limit) {
    super(vendor, message, attempts, statusCode, headers, "", null);
    this.limit = limit;
  }

  /** The limit the body went past, in bytes. */
  public long limit() {
    return limit;
  }
}
