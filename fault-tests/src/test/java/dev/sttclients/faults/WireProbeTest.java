package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.API_KEY;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.faults.probe.api.ThingsApi;
import dev.sttclients.faults.probe.model.Thing;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client generated from the test-only probe spec (src/test/probe/probe.yaml) through the shared templates:
 * header parameters, a non-exploded array and two path parameters, checked on the wire byte for byte; integers
 * with exclusive bounds and an inline string enum whose values hold regex characters, checked before anything is
 * sent. A template that dropped header parameters or wrote arrays
 * another way fails here.
 */
class WireProbeTest {
  private static final String THING = "{\"name\":\"lamp\",\"count\":2}";

  private static RawServer server() throws Exception {
    return new RawServer((n, head, s) -> RawServer.respond(s, head.startsWith("POST") ? 201 : 200,
        "application/json", THING));
  }

  @Test
  void headerParametersPathParametersAndArraysReachTheWire() throws Exception {
    try (RawServer server = server();
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build()) {
      ThingsApi api = new ThingsApi(c.rt());
      Thing thing = api.getThing("o/1", 42L, 3, "tag 7", List.of(1, 2, 3), List.of("new", "old"));
      assertEquals("lamp", thing.getName());
      String head = server.head(0);
      assertEquals("GET /owners/o%2F1/things/42?ids=1,2,3&status=new&status=old HTTP/1.1", server.requestLine(0));
      assertTrue(head.contains("\r\nX-Request-Tag: tag 7\r\n"), head);
      assertTrue(head.contains("\r\nX-Attempt: 3\r\n"), head);
      assertTrue(head.contains("\r\nx-gladia-key: " + API_KEY + "\r\n"), head);
    }
  }

  @Test
  void anOptionalHeaderLeftOutIsNotSentAndARequiredOneIsChecked() throws Exception {
    try (RawServer server = server();
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build()) {
      ThingsApi api = new ThingsApi(c.rt());
      api.getThing("o", 1L, 0, null, null, null);
      assertEquals("GET /owners/o/things/1 HTTP/1.1", server.requestLine(0));
      assertFalse(server.head(0).contains("X-Request-Tag"), server.head(0));
      RequestValidationException e = fails(RequestValidationException.class,
          () -> api.getThing("o", 0L, null, null, null, null));
      assertEquals("X-Attempt", e.violations().get(0).field());
      assertEquals("thingId", e.violations().get(1).field());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void aPostCarriesItsBodyAndHeader() throws Exception {
    try (RawServer server = server();
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build()) {
      new ThingsApi(c.rt()).createThing(new Thing().name("lamp"), "idem-1");
      String head = server.head(0);
      assertEquals("POST /things HTTP/1.1", server.requestLine(0));
      assertTrue(head.contains("\r\nIdempotency-Key: idem-1\r\n"), head);
      assertTrue(head.contains("\r\nContent-Type: application/json; charset=UTF-8\r\n")
          || head.contains("\r\nContent-Type: application/json\r\n"), head);
      assertTrue(head.contains("\r\nContent-Length: 15\r\n"), head); // {"name":"lamp"}
    }
  }

  @Test
  void anIntegersExclusiveBoundIsRefusedBeforeSendingAndTheNextValueSent() throws Exception {
    try (RawServer server = server();
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build()) {
      ThingsApi api = new ThingsApi(c.rt());
      // limit: minimum 0 and maximum 100, both exclusive; Thing.count: minimum 0, exclusive
      for (long bound : new long[] {0, 100}) {
        RequestValidationException e = fails(RequestValidationException.class, () -> api.listThings(bound, null));
        assertEquals(List.of(new Violation("limit", String.valueOf(bound), bound == 0
            ? "must be greater than or equal to 1" : "must be less than or equal to 99")), e.violations());
      }
      RequestValidationException e = fails(RequestValidationException.class,
          () -> api.createThing(new Thing().name("lamp").count(0), null));
      assertEquals(List.of(new Violation("body.count", "0", "must be greater than or equal to 1")), e.violations());
      assertEquals(0, server.requests());
      api.listThings(1L, null);
      api.listThings(99L, null);
      api.createThing(new Thing().name("lamp").count(1), null);
      assertEquals("GET /things?limit=1 HTTP/1.1", server.requestLine(0));
      assertEquals("GET /things?limit=99 HTTP/1.1", server.requestLine(1));
      assertEquals(3, server.requests());
    }
  }

  @Test
  void anInlineStringEnumRefusesWhatItDoesNotListAndSendsWhatItLists() throws Exception {
    try (RawServer server = server();
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build()) {
      ThingsApi api = new ThingsApi(c.rt());
      // format: [srt, ad.vtt, "q(1)"], a String in Java: its values are matched literally, not as a regex
      for (String unlisted : new String[] {"adXvtt", "q1", "SRT", "srt|ad.vtt", ""}) {
        RequestValidationException e = fails(RequestValidationException.class, () -> api.listThings(null, unlisted));
        assertEquals(List.of(new Violation("format", "'" + unlisted + "'", "must match \"^(srt|ad\\.vtt|q\\(1\\))$\"")),
            e.violations(), unlisted);
      }
      assertEquals(0, server.requests());
      api.listThings(null, "ad.vtt");
      api.listThings(null, "q(1)");
      assertEquals("GET /things?format=ad.vtt HTTP/1.1", server.requestLine(0));
      assertEquals("GET /things?format=q%281%29 HTTP/1.1", server.requestLine(1));
    }
  }
}
