package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.JOB_PATH;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 2xx whose body is not what the spec promises ends in a MalformedResponseException that says what was
 * expected and what came (never a Jackson stack trace, never a null model), and is not retried: the same
 * request would get the same body. A body cut off by the connection is an I/O failure instead, and is retried.
 */
class MalformedResponseTest {
  private static final String EXPECTED = "gladia get: HTTP 200 expected a JSON PreRecordedJob body, got ";

  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  private final Harness h = new Harness();
  private GladiaClient client;

  @BeforeEach
  void setUp() {
    client = Faults.gladia(Faults.baseUrl(wm), h).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private MalformedResponseException malformed(String contentType, String body) {
    var response = aResponse().withStatus(200).withBody(body);
    if (contentType != null) {
      response = response.withHeader("Content-Type", contentType);
    }
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(response));
    MalformedResponseException e = fails(MalformedResponseException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(1, e.attempts());
    assertEquals(1, serverSaw(wm));
    assertEquals(200, e.statusCode());
    assertEquals(body, e.rawBody());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith(EXPECTED), e.getMessage());
    return e;
  }

  @Test
  void truncatedJson() {
    MalformedResponseException e = malformed("application/json", JOB_JSON.substring(0, 60));
    assertTrue(e.getMessage().startsWith(EXPECTED + "unreadable JSON (Unexpected end-of-input"), e.getMessage());
    assertTrue(e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException);
  }

  @Test
  void wrongContentType() {
    MalformedResponseException e = malformed("text/plain", JOB_JSON);
    assertEquals(EXPECTED + "content type 'text/plain'", e.getMessage());
  }

  @Test
  void htmlPageFromAProxyOnA200() {
    MalformedResponseException e = malformed("text/html; charset=utf-8",
        "<html><body><h1>Please sign in to the captive portal</h1></body></html>");
    assertEquals(EXPECTED + "content type 'text/html; charset=utf-8'", e.getMessage());
  }

  @Test
  void htmlWithoutContentType() {
    MalformedResponseException e = malformed(null, "<html><body>oops</body></html>");
    assertTrue(e.getMessage().startsWith(EXPECTED + "unreadable JSON (Unexpected character ('<'"), e.getMessage());
  }

  @Test
  void emptyBodyOn200() {
    MalformedResponseException e = malformed("application/json", "");
    assertEquals(EXPECTED + "an empty body", e.getMessage());
  }

  @Test
  void jsonNull() {
    MalformedResponseException e = malformed("application/json", "null");
    assertEquals(EXPECTED + "JSON null", e.getMessage());
  }

  @Test
  void wrongShape() {
    malformed("application/json", "[1, 2, 3]");
    wm.resetAll();
    MalformedResponseException badUuid = malformed("application/json", JOB_JSON.replace(JOB_ID, "not-a-uuid"));
    assertTrue(badUuid.getMessage().contains("UUID"), badUuid.getMessage());
  }

  @Test
  void resetHalfwayThroughTheBodyIsRetriedAsAConnectionFailure() throws Exception {
    byte[] json = JOB_JSON.getBytes(StandardCharsets.UTF_8);
    try (RawServer server = new RawServer((n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
          + "\r\n\r\n" + JOB_JSON.substring(0, json.length / 2));
      Thread.sleep(50); // let the half body arrive before the RST
      RawServer.reset(s);
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      ConnectionException e = fails(ConnectionException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(ConnectionException.class, e.getClass());
      assertEquals(3, e.attempts());
      assertEquals(3, server.requests());
      assertTrue(e.getMessage().startsWith("gladia get: HTTP 200, then connection reset"), e.getMessage());
    }
  }

  @Test
  void connectionClosedBeforeContentLengthIsReachedIsRetriedAsAConnectionFailure() throws Exception {
    byte[] json = JOB_JSON.getBytes(StandardCharsets.UTF_8);
    try (RawServer server = new RawServer((n, head, s) -> {
      if (n == 1) {
        RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
            + "\r\n\r\n" + JOB_JSON.substring(0, 40));
        s.close(); // FIN, not RST: a body shorter than its Content-Length
      } else {
        RawServer.respond(s, 200, "application/json", JOB_JSON);
      }
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      var r = c.preRecorded().getWithResponse(JOB_ID, dev.sttclients.runtime.RequestOptions.none());
      assertEquals(2, r.attempts());
      assertEquals(2, server.requests());
      assertTrue(h.events.get(0).reason().startsWith("HTTP 200, then connection closed before the response was"
          + " complete"), h.events.get(0).reason());
    }
  }
}
