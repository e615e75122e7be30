package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.GladiaError;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.SttException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the key back (in an error message, a header, a cookie, a malformed body) must not make it
 * reach the user: every text of the exception shows {@code ****} instead, in every form a server would write it
 * (as is, percent-encoded, JSON-escaped).
 */
class RedactionTest {
  /** A key with characters that encode differently in a URL and in JSON. */
  static final String ODD_KEY = "ok/FAULT+SUITE=\"9a\\\"-do-not-leak";
  private static final String PERCENT = "ok%2FFAULT%2BSUITE%3D%229a%5C%22-do-not-leak";
  private static final String JSON_ESCAPED = "ok/FAULT+SUITE=\\\"9a\\\\\\\"-do-not-leak";

  private static String everything(SttException e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w + "\n" + e;
  }

  private static void assertClean(String text) {
    assertFalse(text.contains(ODD_KEY), text);
    assertFalse(text.contains(PERCENT), text);
    assertFalse(text.contains(JSON_ESCAPED), text);
    assertFalse(text.contains("FAULT+SUITE"), text);
  }

  @Test
  void anErrorResponseThatEchoesTheKeyShowsItNowhere() throws Exception {
    String body = "{\"timestamp\":\"2024-03-01T10:00:00Z\",\"path\":\"/v2/x?key=" + PERCENT + "\",\"request_id\":\"G-1\","
        + "\"statusCode\":400,\"message\":\"bad key " + JSON_ESCAPED + "\"}";
    try (RawServer server = new RawServer((n, head, s) -> {
      byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      RawServer.write(s, "HTTP/1.1 400 Bad\r\nContent-Type: application/json\r\nX-Echo: " + ODD_KEY
          + "\r\nSet-Cookie: session=" + PERCENT + "\r\nContent-Length: " + b.length + "\r\n\r\n" + body);
    }); GladiaClient c = GladiaClient.builder().apiKey(ODD_KEY).baseUrl(server.baseUrl()).build()) {
      BadRequestException e = fails(BadRequestException.class, () -> c.preRecorded().get(JOB_ID));
      assertTrue(server.head(0).contains("x-gladia-key: " + ODD_KEY), "the key was sent: " + server.head(0));
      assertEquals("gladia get: HTTP 400: bad key **** (request id G-1) after 1 attempt", e.getMessage());
      assertClean(everything(e));
      assertClean(e.rawBody());
      assertTrue(e.rawBody().contains("\"message\":\"bad key ****\""), e.rawBody());
      assertEquals(List.of("****"), e.headers().get("x-echo"));
      assertEquals(List.of("session=****"), e.headers().get("set-cookie"));
      GladiaError parsed = e.errorBody(GladiaError.class).orElseThrow();
      assertEquals("bad key ****", parsed.getMessage());
      assertEquals("/v2/x?key=****", parsed.getPath());
      assertClean(parsed.toString());
      assertEquals("bad key ****", e.vendorMessage().orElseThrow());
    }
  }

  @Test
  void aMalformedSuccessBodyThatEchoesTheKeyShowsItNowhere() throws Exception {
    String body = "{\"id\": " + ODD_KEY + "}";
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", body));
        GladiaClient c = GladiaClient.builder().apiKey(ODD_KEY).baseUrl(server.baseUrl()).build()) {
      MalformedResponseException e = fails(MalformedResponseException.class, () -> c.preRecorded().get(JOB_ID));
      assertTrue(e.getMessage().contains("unreadable JSON"), e.getMessage());
      assertClean(everything(e));
      assertEquals("{\"id\": ****}", e.rawBody());
      assertEquals(List.of("application/json"), e.headers().get("content-type"));
    }
  }

  /** Strict mode: the parsed value the exception keeps is read from the redacted body. */
  @Test
  void aContractViolationKeepsARedactedValue() throws Exception {
    String body = Faults.JOB_JSON.replace("\"G-45463597\"", "\"" + JSON_ESCAPED + "\"")
        .replace("\"error_code\":null", "\"error_code\":600");
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", body));
        GladiaClient c = GladiaClient.builder().apiKey(ODD_KEY).baseUrl(server.baseUrl())
            .strictResponseValidation(true).build()) {
      dev.sttclients.runtime.errors.ContractViolationException e = fails(
          dev.sttclients.runtime.errors.ContractViolationException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals("error_code", e.violations().get(0).field());
      assertEquals("****", ((dev.sttclients.gladia.model.PreRecordedJob) e.value()).getRequestId());
      assertClean(everything(e));
    }
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json",
        Faults.JOB_JSON.replace("\"error_code\":null", "\"error_code\":600")));
        GladiaClient c = GladiaClient.builder().apiKey(ODD_KEY).baseUrl(server.baseUrl())
            .strictResponseValidation(true).build()) {
      dev.sttclients.runtime.errors.ContractViolationException e = fails(
          dev.sttclients.runtime.errors.ContractViolationException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals("G-45463597", ((dev.sttclients.gladia.model.PreRecordedJob) e.value()).getRequestId());
    }
  }

  @Test
  void aPlainTextErrorThatEchoesTheKeyBecomesARedactedMessage() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 401, "text/plain",
        "invalid key " + ODD_KEY));
        GladiaClient c = GladiaClient.builder().apiKey(ODD_KEY).baseUrl(server.baseUrl()).build()) {
      SttException e = fails(SttException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals("gladia get: HTTP 401: invalid key **** after 1 attempt", e.getMessage());
      assertClean(everything(e));
    }
  }
}
