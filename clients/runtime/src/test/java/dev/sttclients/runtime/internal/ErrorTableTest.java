package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorTableTest {
  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  private static Duration retryAfter(int status, String value) {
    return ErrorTable.retryAfter(status, Map.of("retry-after", List.of(value)), NOW);
  }

  @Test
  void retryAfterInSeconds() {
    assertEquals(Duration.ofSeconds(7), retryAfter(429, "7"));
    assertEquals(Duration.ofSeconds(120), retryAfter(503, " 120 "));
    assertEquals(Duration.ZERO, retryAfter(429, "0"));
  }

  @Test
  void retryAfterAsHttpDate() {
    assertEquals(Duration.ofSeconds(90), retryAfter(429, "Wed, 21 Oct 2015 07:29:30 GMT"));
    assertEquals(Duration.ofHours(1), retryAfter(503, "Wed, 21 Oct 2015 08:28:00 GMT"));
    // A date in the past means "now".
    assertEquals(Duration.ZERO, retryAfter(503, "Wed, 21 Oct 2015 07:00:00 GMT"));
  }

  @Test
  void retryAfterIgnoredWhenUnreadableOrOnOtherStatuses() {
    assertNull(retryAfter(429, "soon"));
    assertNull(retryAfter(429, "-5"));
    assertNull(retryAfter(429, "1.5"));
    assertNull(retryAfter(429, "99999999999999999999"));
    assertNull(retryAfter(500, "7"));
    assertNull(retryAfter(200, "7"));
    assertNull(ErrorTable.retryAfter(429, Map.of(), NOW));
  }

  @Test
  void retryableStatuses() {
    for (int s : new int[] {408, 429, 500, 502, 503, 504, 599}) {
      assertTrue(ErrorTable.retryableStatus(s), "status " + s);
    }
    for (int s : new int[] {200, 301, 400, 401, 403, 404, 409, 422, 501}) {
      assertFalse(ErrorTable.retryableStatus(s), "status " + s);
    }
  }

  private static final dev.sttclients.runtime.VendorProfile ACME = dev.sttclients.runtime.VendorProfile
      .of("acme", "https://api.acme.test", dev.sttclients.runtime.AuthScheme.header("x-key"))
      .withErrorBody(null, "type", "message")
      .withRequestId("request_id", "x-request-id");

  @Test
  void everyStatusHasItsType() {
    ErrorTable table = new ErrorTable(ACME);
    Map<Integer, Class<?>> expected = new java.util.LinkedHashMap<>();
    expected.put(400, dev.sttclients.runtime.errors.BadRequestException.class);
    expected.put(422, dev.sttclients.runtime.errors.BadRequestException.class);
    expected.put(401, dev.sttclients.runtime.errors.AuthenticationException.class);
    expected.put(403, dev.sttclients.runtime.errors.PermissionDeniedException.class);
    expected.put(404, dev.sttclients.runtime.errors.NotFoundException.class);
    expected.put(409, dev.sttclients.runtime.errors.ConflictException.class);
    expected.put(429, dev.sttclients.runtime.errors.RateLimitException.class);
    expected.put(500, dev.sttclients.runtime.errors.ServerException.class);
    expected.put(599, dev.sttclients.runtime.errors.ServerException.class);
    expected.put(600, dev.sttclients.runtime.errors.UnexpectedStatusException.class);
    expected.put(499, dev.sttclients.runtime.errors.UnexpectedStatusException.class);
    expected.put(302, dev.sttclients.runtime.errors.UnexpectedStatusException.class);
    expected.forEach((status, type) -> assertEquals(type,
        table.toException("get", status, Map.of(), "", null, 1).getClass(), "HTTP " + status));
  }

  @Test
  void aServerErrorKeepsItsRetryAfterAndTheRuntimesNoteEndsTheMessage() {
    ErrorTable table = new ErrorTable(ACME);
    var e = (dev.sttclients.runtime.errors.ServerException) table.toException("get", 503,
        Map.of("x-request-id", List.of("R-1")), "{\"type\":\"busy\",\"message\":\"try\\nlater\"}",
        Duration.ofSeconds(7), 3, "a note");
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals("acme get: HTTP 503 busy: try later (request id R-1) (a note) after 3 attempts", e.getMessage());
    var plain = (dev.sttclients.runtime.errors.ServerException) table.toException("get", 500, Map.of(), "", null, 1);
    assertTrue(plain.retryAfter().isEmpty());
    assertEquals("acme get: HTTP 500 after 1 attempt", plain.getMessage());
  }

  @Test
  void multiLineFieldsFromTheBodyStayOnOneLine() {
    ErrorTable table = new ErrorTable(ACME);
    var e = table.toException("get", 400, Map.of(), "{\"type\":\"a\\nb\",\"request_id\":\"r\\n1\"}", null, 1);
    assertEquals("acme get: HTTP 400 a b (request id r 1) after 1 attempt", e.getMessage());
    assertEquals("a\nb", e.errorType().orElseThrow());
    assertEquals(Map.of("type", "a\nb", "request_id", "r\n1"), e.errorBody(Map.class).orElseThrow());
  }

  @Test
  void boundariesOfTheTable() {
    assertTrue(ErrorTable.retryableStatus(500));
    assertTrue(ErrorTable.retryableStatus(599));
    assertFalse(ErrorTable.retryableStatus(600));
    assertFalse(ErrorTable.retryableStatus(499));
    ErrorTable table = new ErrorTable(ACME);
    String exactly300 = "m".repeat(300);
    assertEquals("acme get: HTTP 500: " + exactly300 + " after 1 attempt", table.toException("get", 500, Map.of(),
        "{\"message\":\"" + exactly300 + "\"}", null, 1).getMessage());
    assertEquals("acme get: HTTP 500: " + exactly300 + "... after 1 attempt", table.toException("get", 500, Map.of(),
        "{\"message\":\"" + exactly300 + "x\"}", null, 1).getMessage());
    String exactly200 = "t".repeat(200);
    assertEquals("acme get: HTTP 500: " + exactly200 + " after 1 attempt",
        table.toException("get", 500, Map.of(), exactly200, null, 1).getMessage());
    assertEquals("acme get: HTTP 500 after 1 attempt",
        table.toException("get", 500, Map.of(), "<b>short</b>", null, 1).getMessage());
  }

  @Test
  void aBodyThatIsNotOneJsonObjectIsKeptRaw() {
    ErrorTable table = new ErrorTable(ACME);
    for (String raw : List.of("{\"a\":1,\"a\":2}", "[1]", "<html>x</html>", "{\"a\":1} trailing")) {
      var e = table.toException("get", 500, Map.of(), raw, null, 1);
      assertTrue(e.errorBody().isEmpty(), raw);
      assertEquals(raw, e.rawBody());
    }
    assertEquals("acme get: HTTP 500: short text after 1 attempt",
        table.toException("get", 500, Map.of(), "short text", null, 1).getMessage());
    assertEquals("acme get: HTTP 500 after 1 attempt",
        table.toException("get", 500, Map.of(), "x".repeat(201), null, 1).getMessage());
  }
}
