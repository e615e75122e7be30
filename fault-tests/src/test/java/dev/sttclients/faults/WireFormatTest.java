package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.API_KEY;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.JOB_PATH;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.RetryPolicy;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.internal.OperationRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes on the wire, stated byte for byte by hand (never computed with the encoder under test), and the
 * configuration checks that keep a client from being built wrong.
 */
class WireFormatTest {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private final Harness h = new Harness();

  private static RawServer ok(String json) throws Exception {
    return new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", json));
  }

  private static RawClient raw(RawServer server, String suffix) {
    return RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl() + suffix).sleeper(d -> { }).build();
  }

  @ParameterizedTest(name = "base URL ending in \"{0}\"")
  @ValueSource(strings = {"", "/", "//"})
  void aTrailingSlashOnTheBaseUrlNeverDoublesTheSlash(String suffix) throws Exception {
    try (RawServer server = ok(JOB_JSON); GladiaClient c = Faults.gladia(server.baseUrl() + suffix, h).build()) {
      c.preRecorded().get(JOB_ID);
      assertEquals("GET /v2/pre-recorded/45463597-20b7-4af7-b3b3-f5fb778203ab HTTP/1.1", server.requestLine(0));
    }
    try (RawServer server = ok("{}"); RawClient c = raw(server, "/api" + suffix)) {
      c.rt().execute(OperationRequest.builder("get", "GET", "/things/{id}").pathParam("id", "7").build(), OBJECT, null);
      assertEquals("GET /api/things/7 HTTP/1.1", server.requestLine(0));
    }
  }

  @Test
  void headerParametersAreSentAsGiven() throws Exception {
    try (RawServer server = ok("{}"); RawClient c = raw(server, "")) {
      c.rt().execute(OperationRequest.builder("get", "GET", "/things").header("X-Request-Tag", "tag 1")
          .header("X-Count", 3).header("X-Absent", null).build(), OBJECT, null);
      String head = server.head(0);
      assertTrue(head.contains("\r\nX-Request-Tag: tag 1\r\n"), head);
      assertTrue(head.contains("\r\nX-Count: 3\r\n"), head);
      assertFalse(head.contains("X-Absent"), head);
    }
  }

  @Test
  void aHandBuiltRequestGetsJsonDefaults() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, n == 3 ? 204 : 200, "application/json",
        n == 3 ? "" : "{}")); RawClient c = raw(server, "")) {
      c.rt().execute(OperationRequest.builder("get", "GET", "/things").build(), OBJECT, null);
      assertTrue(server.head(0).contains("\r\nAccept: application/json\r\n"), server.head(0));
      c.rt().execute(OperationRequest.builder("create", "POST", "/things").body(Map.of("a", 1), null).build(), OBJECT,
          null);
      assertTrue(server.head(1).contains("\r\nContent-Type: application/json"), server.head(1));
      assertTrue(server.head(1).contains("\r\nContent-Length: 7\r\n"), server.head(1));
      var deleted = c.rt().execute(OperationRequest.builder("delete", "DELETE", "/things/1").accept("*/*").build(),
          (TypeReference<Void>) null, null);
      assertEquals(204, deleted.statusCode());
      assertTrue(server.head(2).contains("\r\nAccept: */*\r\n"), server.head(2));
      assertEquals(1, server.accepted(), "a 204 without a body keeps the connection too");
    }
  }

  @ParameterizedTest(name = "header value {0}")
  @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "nul\0", "caf\u00e9"})
  void aHeaderParameterThatCannotBeSentFailsBeforeSending(String value) throws Exception {
    try (RawServer server = ok("{}"); RawClient c = raw(server, "")) {
      RequestValidationException e = fails(RequestValidationException.class, () -> c.rt().execute(
          OperationRequest.builder("get", "GET", "/things").header("X-Tag", value).build(), OBJECT, null));
      assertEquals("X-Tag", e.violations().get(0).field());
      assertEquals("header must be printable ASCII without line breaks", e.violations().get(0).rule());
      assertEquals(0, server.requests());
    }
  }

  @ParameterizedTest(name = "per-call header {0}: {1}")
  @CsvSource(delimiter = '|', value = {"Bad Name | x", "X-A | a\rb", "Content-Length | 5", "Host | evil.example",
      "Transfer-Encoding | chunked", "X-Ü | x", "'' | x"})
  void aMalformedPerCallHeaderIsRejectedAtOnce(String name, String value) {
    IllegalArgumentException e = fails(IllegalArgumentException.class,
        () -> RequestOptions.builder().header(name.trim(), value.replace("\\r", "\r")));
    assertTrue(e.getMessage().startsWith("header " + name.trim() + " "), e.getMessage());
  }

  /** Hand-written: the encoding of one path segment (RFC 3986 unreserved kept, dots encoded too). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "../../v1/admin | %2E%2E%2F%2E%2E%2Fv1%2Fadmin",
      "..             | %2E%2E",
      ".              | %2E",
      "x/y            | x%2Fy",
      "a?admin=true   | a%3Fadmin%3Dtrue",
      "a#frag         | a%23frag",
      "a b            | a%20b",
      "%2e%2e%2f      | %252e%252e%252f",
      "a\\b           | a%5Cb",
      "é/             | %C3%A9%2F",
      "a+b~c_d-e      | a%2Bb~c_d-e"})
  void aHostilePathParameterArrivesAsOneSegment(String id, String encoded) throws Exception {
    try (RawServer server = ok("{}"); RawClient c = raw(server, "")) {
      c.rt().execute(OperationRequest.builder("getThing", "GET", "/v2/pre-recorded/{id}/file").pathParam("id", id.trim())
          .build(), OBJECT, null);
      assertEquals("GET /v2/pre-recorded/" + encoded.trim() + "/file HTTP/1.1", server.requestLine(0));
    }
  }

  @Test
  void arraysInTheQueryAreWrittenAsTheSpecSays() throws Exception {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("user", "a&b=c d");
    meta.put("team", "x");
    try (RawServer server = ok("{}"); RawClient c = raw(server, "")) {
      c.rt().execute(OperationRequest.builder("list", "GET", "/things")
          .queryParam("status", List.of("done", "error", "queued"), true)
          .queryParam("tags", List.of("a,b", "c d", "e"), false)
          .queryParam("none", List.of(), false)
          .queryParam("skipped", null, true)
          .deepObjectQueryParam("meta", meta)
          .build(), OBJECT, null);
      assertEquals("GET /things?status=done&status=error&status=queued&tags=a%2Cb,c%20d,e"
          + "&meta%5Buser%5D=a%26b%3Dc%20d&meta%5Bteam%5D=x HTTP/1.1", server.requestLine(0));
    }
  }

  /** The generated Gladia list operation with more than one status (Prism cannot tell one element from many). */
  @Test
  void gladiasStatusFilterIsExploded() throws Exception {
    try (RawServer server = ok("{\"first\":\"https://api.gladia.io/v2/pre-recorded\",\"current\":"
        + "\"https://api.gladia.io/v2/pre-recorded\",\"next\":null,\"items\":[]}");
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      c.preRecorded().list(ListParams.builder().status(List.of(JobStatus.QUEUED, JobStatus.PROCESSING, JobStatus.DONE))
          .limit(3).build());
      assertEquals("GET /v2/pre-recorded?limit=3&status=queued&status=processing&status=done HTTP/1.1",
          server.requestLine(0));
    }
  }

  @ParameterizedTest(name = "baseUrl({0})")
  @ValueSource(strings = {"http:///v2", "http:/v2", "https://user:pass@api.gladia.io", "https://api.gladia.io?x=1",
      "https://api.gladia.io#top", "ftp://api.gladia.io", "api.gladia.io", "https://", "https://api gladia.io"})
  void aBaseUrlWithoutHostOrWithUserInfoQueryOrFragmentIsRejected(String url) {
    IllegalArgumentException e = fails(IllegalArgumentException.class, () -> GladiaClient.builder().baseUrl(url));
    assertTrue(e.getMessage().startsWith("baseUrl "), e.getMessage());
    assertTrue(e.getMessage().contains(url), e.getMessage());
  }

  @Test
  void settingsOutOfRangeAreRejected() {
    for (int bad : new int[] {0, -1}) {
      IllegalArgumentException e = fails(IllegalArgumentException.class, () -> GladiaClient.builder().maxConnections(bad));
      assertEquals("maxConnections must be at least 1, was " + bad, e.getMessage());
    }
    for (int bad : new int[] {-1, 11}) {
      assertEquals("maxRetries must be between 0 and 10, was " + bad, fails(IllegalArgumentException.class,
          () -> GladiaClient.builder().maxRetries(bad)).getMessage());
      assertEquals("maxRetries must be between 0 and 10, was " + bad, fails(IllegalArgumentException.class,
          () -> RequestOptions.builder().maxRetries(bad)).getMessage());
    }
    assertEquals(10, RequestOptions.builder().maxRetries(10).build().maxRetries().orElseThrow());
    assertEquals(0, RetryPolicy.defaults().withMaxRetries(0).maxRetries());
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(365).plusNanos(1)}) {
      assertEquals("responseTimeout must be positive and at most 365 days, was " + bad, fails(IllegalArgumentException.class,
          () -> RequestOptions.builder().responseTimeout(bad)).getMessage());
      assertEquals("callTimeout must be positive and at most 365 days, was " + bad, fails(IllegalArgumentException.class,
          () -> RequestOptions.builder().callTimeout(bad)).getMessage());
      assertTrue(fails(IllegalArgumentException.class, () -> GladiaClient.builder().callTimeout(bad)).getMessage()
          .startsWith("callTimeout must be positive and at most 365 days, was "));
      fails(IllegalArgumentException.class, () -> GladiaClient.builder().connectTimeout(bad));
      fails(IllegalArgumentException.class, () -> GladiaClient.builder().connectionRequestTimeout(bad));
    }
    Duration longest = Duration.ofDays(365);
    RequestOptions longestCall = RequestOptions.builder().responseTimeout(longest).callTimeout(longest).build();
    assertEquals(longest, longestCall.responseTimeout().orElseThrow());
    assertEquals(longest, longestCall.callTimeout().orElseThrow());
    assertEquals("maxResponseSize must be between 1024 and 2147483631 bytes, was 1023",
        fails(IllegalArgumentException.class, () -> GladiaClient.builder().maxResponseSize(1023)).getMessage());
    fails(IllegalArgumentException.class, () -> GladiaClient.builder().maxResponseSize(Integer.MAX_VALUE));
    fails(IllegalArgumentException.class, () -> GladiaClient.builder().userAgentSuffix("app/1\r\nX-Evil: 1"));
  }

  @Test
  void connectionsAreReusedForSuccessesAndShortErrors() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      if (n % 2 == 0) {
        RawServer.respond(s, 404, "application/json", Faults.NOT_FOUND_JSON);
      } else {
        RawServer.respond(s, 200, "application/json", JOB_JSON);
      }
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      for (int i = 0; i < 3; i++) {
        c.preRecorded().get(JOB_ID);
        fails(NotFoundException.class, () -> c.preRecorded().get(JOB_ID));
      }
      assertEquals(6, server.requests());
      assertEquals(1, server.accepted(), "one kept-alive connection serves every call");
    }
  }

  /** {@code Retry-After} equal to the limit (60 s by default) is waited for; one second more is not. */
  @ParameterizedTest(name = "Retry-After {0} with a limit of {1} s")
  @CsvSource({"60, 60, true", "61, 60, false", "10, 10, true", "11, 10, false", "0, 10, true"})
  void retryAfterExactlyAtTheLimitIsHonoured(int seconds, int limit, boolean waited) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      if (n == 1) {
        RawServer.write(s, "HTTP/1.1 429 Slow down\r\nRetry-After: " + seconds + "\r\nContent-Length: 0\r\n\r\n");
      } else {
        RawServer.respond(s, 200, "application/json", JOB_JSON);
      }
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h)
        .retryPolicy(RetryPolicy.defaults().withMaxRetryAfter(Duration.ofSeconds(limit))).build()) {
      if (waited) {
        c.preRecorded().get(JOB_ID);
        assertEquals(List.of(Duration.ofSeconds(seconds)), h.waits);
        assertEquals(2, server.requests());
      } else {
        RateLimitException e = fails(RateLimitException.class, () -> c.preRecorded().get(JOB_ID));
        assertEquals(Duration.ofSeconds(seconds), e.retryAfter().orElseThrow());
        assertEquals(List.of(), h.waits);
        assertEquals(1, server.requests());
      }
    }
  }

  @ParameterizedTest(name = "{0} -> JSON: {1}")
  @CsvSource(delimiter = '|', value = {
      "application/json                          | true",
      "application/json; charset=utf-8           | true",
      "Application/JSON                          | true",
      "application/problem+json                  | true",
      "application/vnd.gladia.v2+json; charset=utf-8 | true",
      "text/json                                 | false",
      "application/jsonl                         | false",
      "application/x-json                        | false",
      "application/json-seq                      | false",
      "text/plain                                | false"})
  void jsonAndPlusJsonContentTypesAreRead(String contentType, boolean json) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, contentType.trim(), JOB_JSON));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      if (json) {
        assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
      } else {
        MalformedResponseException e = fails(MalformedResponseException.class, () -> c.preRecorded().get(JOB_ID));
        assertTrue(e.getMessage().endsWith("got content type '" + contentType.trim() + "'"), e.getMessage());
      }
    }
  }

  /** 2xx is success, whatever its number; 300 (not a redirect the client follows) is not. */
  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {200, 203, 299, 300, 304})
  void successIsExactlyTheTwoHundreds(int status) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, status, "application/json", JOB_JSON));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      if (status < 300) {
        assertEquals(status, c.preRecorded().getWithResponse(JOB_ID, RequestOptions.none()).statusCode());
      } else {
        assertEquals(status, fails(dev.sttclients.runtime.errors.UnexpectedStatusException.class,
            () -> c.preRecorded().get(JOB_ID)).statusCode());
      }
    }
  }

  @Test
  void anEmptyContentTypeIsReadAsJson() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      byte[] b = JOB_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: " + b.length + "\r\n\r\n" + JOB_JSON);
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
      assertTrue(server.head(0).startsWith("GET " + JOB_PATH + " HTTP/1.1\r\n"), server.head(0));
    }
  }
}
