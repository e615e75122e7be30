package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.ResponseTooLargeException;
import dev.sttclients.runtime.errors.ServerException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One response must not exhaust the heap or hold a thread: bodies are read up to a limit, never pre-sized from
 * Content-Length, never inflated, and never drained on the way out (an endless body drops the connection instead).
 * Calls that used to hang are run under {@code assertTimeoutPreemptively}, so that a regression fails, not hangs.
 */
class BodyLimitsTest {
  private static final Duration NO_HANG = Duration.ofSeconds(20);
  private final Harness h = new Harness();

  /** Status and headers, then body bytes for as long as the client reads them (at most 60 s). */
  private static RawServer.Script endless(int status, String headers) {
    return endless(status, headers, "");
  }

  /** An endless chunked body: {@code prefix}, then x forever (60 s at most). */
  private static RawServer.Script endless(int status, String headers, String prefix) {
    return (n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 " + status + " X\r\n" + headers + "Transfer-Encoding: chunked\r\n\r\n");
      if (!prefix.isEmpty()) {
        RawServer.write(s, Integer.toHexString(prefix.length()) + "\r\n" + prefix + "\r\n");
      }
      byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      OutputStream out = s.getOutputStream();
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < end) {
        out.write(chunk); // throws once the client drops the connection
      }
    };
  }

  @ParameterizedTest(name = "Content-Length: {0}")
  @ValueSource(longs = {1_500_000_000L, 2_147_483_648L, 9_000_000_000_000_000L})
  void aHugeContentLengthFailsBeforeAnyByteIsRead(long length) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.write(s, "HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{\"id\":"));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      ResponseTooLargeException e = fails(ResponseTooLargeException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(64L * 1024 * 1024, e.limit());
      assertEquals(1, e.attempts());
      assertEquals(200, e.statusCode());
      assertEquals("gladia get: HTTP 200 body of " + length + " bytes (Content-Length) is larger than maxResponseSize"
          + " (67108864 bytes); not read", e.getMessage());
      assertEquals(1, server.requests());
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)), "the connection was not dropped");
    }
  }

  @Test
  void anEndlessSuccessBodyStopsAtTheConfiguredLimit() throws Exception {
    // Valid JSON as far as it goes (a string that never ends), so that only the limit can stop the streaming parser.
    try (RawServer server = new RawServer(endless(200, "Content-Type: application/json\r\n", "{\"id\":\""));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).maxResponseSize(1024 * 1024).build()) {
      ResponseTooLargeException e = assertTimeoutPreemptively(NO_HANG,
          () -> fails(ResponseTooLargeException.class, () -> c.preRecorded().get(JOB_ID)));
      assertEquals(1024 * 1024, e.limit());
      assertTrue(e.getMessage().contains("body of more than 1048576 bytes"), e.getMessage());
      assertEquals(1, server.requests());
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)), "the connection was not dropped");
    }
  }

  @Test
  void aBodyJustUnderTheLimitIsRead() throws Exception {
    String padded = JOB_JSON.substring(0, JOB_JSON.length() - 1) + ",\"pad\":\""
        + "p".repeat(1024 - JOB_JSON.length() - 9) + "\"}";
    assertEquals(1024, padded.length());
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", padded));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).maxResponseSize(1024).build()) {
      assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
    }
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", padded + " "));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).maxResponseSize(1024).build()) {
      fails(ResponseTooLargeException.class, () -> c.preRecorded().get(JOB_ID));
    }
  }

  /** No Accept-Encoding is sent and nothing is inflated: a gzip body (a "zip bomb") stays what it is. */
  @Test
  void compressedBodiesAreNeitherAskedForNorInflated() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        zip.write(zeros); // 256 MiB of zeros: ~250 KiB compressed
      }
    }
    byte[] bomb = gz.toByteArray();
    try (RawServer server = new RawServer((n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
          + "Content-Length: " + bomb.length + "\r\n\r\n");
      s.getOutputStream().write(bomb);
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      MalformedResponseException e = fails(MalformedResponseException.class, () -> c.preRecorded().get(JOB_ID));
      assertTrue(e.getMessage().contains("got content encoding 'gzip' (the client asks for none)"), e.getMessage());
      assertFalse(server.head(0).toLowerCase(Locale.ROOT).contains("accept-encoding"), server.head(0));
      assertEquals(1, e.attempts());
    }
  }

  /** The error body is kept up to 64 KiB: exactly that much is kept whole and the connection reused. */
  @Test
  void errorBodiesAreKeptUpTo64KibAndLongerOnesDropTheConnection() throws Exception {
    int cap = 64 * 1024;
    for (int size : new int[] {cap, cap + 1, 10 * cap}) {
      String body = "e".repeat(size);
      try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 500, "text/plain", body));
          GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
        ServerException e = fails(ServerException.class, () -> c.preRecorded().get(JOB_ID));
        assertEquals(3, e.attempts());
        assertEquals(Math.min(size, cap), e.rawBody().length(), "body of " + size);
        assertEquals("e".repeat(Math.min(size, cap)), e.rawBody());
        // A body read to its end keeps the connection for the retries; a cut one is dropped each time.
        assertEquals(size <= cap ? 1 : 3, server.accepted(), "connections for a body of " + size);
      }
    }
  }

  /** Closing a response used to drain it: an endless 503 body held the call for as long as the server sent. */
  @Test
  void anEndlessErrorBodyIsCutNotDrained() throws Exception {
    try (RawServer server = new RawServer(endless(503, "Content-Type: text/html\r\n"));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      ServerException e = assertTimeoutPreemptively(NO_HANG,
          () -> fails(ServerException.class, () -> c.preRecorded().get(JOB_ID)));
      assertEquals(3, e.attempts());
      assertEquals(64 * 1024, e.rawBody().length());
      assertEquals(3, server.requests());
      assertEquals(3, server.accepted());
    }
  }

  /** delete() has no response body: a 64 GiB one (here: endless) is not read to its end either. */
  @Test
  void anEndlessBodyOnAnOperationWithoutResponseIsNotRead() throws Exception {
    try (RawServer server = new RawServer(endless(202, ""));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      ApiResponse<Void> r = assertTimeoutPreemptively(NO_HANG,
          () -> c.preRecorded().deleteWithResponse(JOB_ID, RequestOptions.none()));
      assertEquals(202, r.statusCode());
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)));
    }
  }

  @Test
  void closingAPartlyReadDownloadDropsTheConnectionAtOnce() throws Exception {
    try (RawServer server = new RawServer(endless(200, "Content-Type: audio/wav\r\n"));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      assertTimeoutPreemptively(NO_HANG, () -> {
        try (BinaryResponse audio = c.preRecorded().getFile(JOB_ID)) {
          assertEquals('x', audio.body().read());
        }
      });
      assertEquals(0, server.awaitNoOpenConnections(Duration.ofSeconds(5)));
    }
  }
}
