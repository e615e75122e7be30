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
}
