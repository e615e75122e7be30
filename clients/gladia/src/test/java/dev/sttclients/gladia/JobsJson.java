package dev.sttclients.gladia;

import java.util.List;
import java.util.stream.Collectors;

/** JSON bodies shaped like Gladia's, for the WireMock tests. */
final class JobsJson {
  static final String API = "https://api.gladia.io/v2/pre-recorded";

  private JobsJson() {}

  /** A job in the spec's shape with a predictable id: 00000000-0000-4000-8000-00000000000n. */
  static String job(int n) {
    return """
        {"id": "%s", "request_id": "G-%08d", "version": 2, "status": "done",
         "created_at": "2024-03-01T10:00:00.000Z", "post_session_metadata": {}, "kind": "pre-recorded",
         "completed_at": "2024-03-01T10:00:42.500Z", "custom_metadata": {"userId": "abc123"}, "error_code": null}
        """.formatted(jobId(n), n);
  }

  static String jobId(int n) {
    return "00000000-0000-4000-8000-%012d".formatted(n);
  }

  /**
   * A page whose links are on Gladia's public host (never the test server's), as the real API writes them.
   *
   * @param current query of this page, e.g. {@code offset=0&limit=2}
   * @param next query of the next page, or null on the last page
   */
  static String page(String current, String next, List<Integer> jobs) {
    return """
        {"first": "%s?status=done&offset=0&limit=2", "current": "%s?status=done&%s", "next": %s, "items": [%s]}
        """.formatted(API, API, current, next == null ? "null" : "\"" + API + "?status=done&" + next + "\"",
        jobs.stream().map(JobsJson::job).collect(Collectors.joining(",")));
  }

  /** A Gladia error body. */
  static String error(int status, String requestId, String message) {
    return """
        {"timestamp": "2024-03-01T10:00:03.120Z", "path": "/v2/pre-recorded/%s", "request_id": "%s",
         "statusCode": %d, "message": "%s"}
        """.formatted(jobId(1), requestId, status, message);
  }
}
