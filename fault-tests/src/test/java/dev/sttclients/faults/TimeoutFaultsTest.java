package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.JOB_PATH;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.ClientConfig;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.RequestTimeoutException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that hangs ends in a typed timeout, not a hung thread. Timeouts here are real (a few hundred
 * milliseconds); the server's delays are several times longer, so the outcome does not depend on timing,
 * and the elapsed-time checks are only generous "did not hang" bounds.
 */
class TimeoutFaultsTest {
  private static final Duration SHORT = Duration.ofMillis(250);
  private static final int SERVER_DELAY_MS = 1500;

  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  private final Harness h = new Harness();

  private GladiaClient client(Duration responseTimeout) {
    return Faults.gladia(Faults.baseUrl(wm), h).responseTimeout(responseTimeout).build();
  }

  @Test
  void defaultsAreFinite() {
    try (GladiaClient c = GladiaClient.builder().apiKey(Faults.API_KEY).build()) {
      ClientConfig cfg = c.config();
      assertEquals(Duration.ofSeconds(10), cfg.connectTimeout());
      assertEquals(Duration.ofSeconds(60), cfg.responseTimeout());
      assertEquals(Duration.ofSeconds(30), cfg.connectionRequestTimeout());
      assertEquals(64, cfg.maxConnections());
      assertEquals(2, cfg.retryPolicy().maxRetries());
      Faults.RENDERED.add(c.toString());
      Faults.RENDERED.add(cfg.toString());
    }
    IllegalArgumentException e = fails(IllegalArgumentException.class,
        () -> GladiaClient.builder().apiKey(Faults.API_KEY).responseTimeout(Duration.ZERO).build());
    assertEquals("responseTimeout must be positive and at most 365 days, was PT0S", e.getMessage());
  }

  @Test
  void slowFirstBytePastTheResponseTimeoutIsATypedTimeoutRetriedToTheBound() throws Exception {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(JOB_JSON).withFixedDelay(SERVER_DELAY_MS)));
    long start = System.nanoTime();
    try (GladiaClient c = client(SHORT)) {
      RequestTimeoutException e = fails(RequestTimeoutException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(3, e.attempts());
      assertInstanceOf(SocketTimeoutException.class, e.getCause());
      assertTrue(e.getMessage().contains("response timeout"), e.getMessage());
    }
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(3, Faults.serverSawEventually(wm, 3));
    assertEquals(2, h.waits.size());
    assertTrue(elapsedMs < 3 * SERVER_DELAY_MS, "took " + elapsedMs + " ms: the client waited for the server");
  }

  @Test
  void slowBodyPastTheResponseTimeoutIsATypedTimeout() throws Exception {
    // Status, headers and the first bytes of the body at once, then nothing for longer than the timeout.
    byte[] json = Faults.JOB_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (RawServer server = new RawServer((n, head, s) -> {
      RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
          + "\r\n\r\n" + Faults.JOB_JSON.substring(0, 20));
      Thread.sleep(SERVER_DELAY_MS);
      RawServer.write(s, Faults.JOB_JSON.substring(20));
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).responseTimeout(SHORT).build()) {
      long start = System.nanoTime();
      RequestTimeoutException e = fails(RequestTimeoutException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(3, e.attempts());
      assertTrue(e.getMessage().contains("HTTP 200, then response timeout"), e.getMessage());
      assertEquals(3, server.requests());
      assertEquals(2, h.waits.size());
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsedMs < 3 * SERVER_DELAY_MS, "took " + elapsedMs + " ms: the client waited for the server");
    }
  }

  @Test
  void perCallResponseTimeoutOverridesTheClientsTimeout() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(JOB_JSON).withFixedDelay(SERVER_DELAY_MS)));
    try (GladiaClient c = client(Duration.ofSeconds(30))) {
      RequestTimeoutException e = fails(RequestTimeoutException.class, () -> c.preRecorded().get(JOB_ID,
          RequestOptions.builder().responseTimeout(SHORT).maxRetries(0).build()));
      assertEquals(1, e.attempts());
    }
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void aSlowButTimelyServerIsNotATimeout() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(JOB_JSON).withFixedDelay(300)));
    try (GladiaClient c = client(Duration.ofSeconds(5))) {
      assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
    }
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void noPooledConnectionInTimeIsATypedTimeout() throws Exception {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH + "/file")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/octet-stream").withBody("audio".repeat(10_000))));
    try (GladiaClient c = Faults.gladia(Faults.baseUrl(wm), h).maxConnections(1)
        .connectionRequestTimeout(SHORT).build()) {
      try (BinaryResponse held = c.preRecorded().getFile(JOB_ID)) { // holds the only connection
        RequestTimeoutException e = fails(RequestTimeoutException.class,
            () -> c.preRecorded().get(JOB_ID, RequestOptions.builder().maxRetries(0).build()));
        assertInstanceOf(ConnectionRequestTimeoutException.class, e.getCause());
        assertTrue(e.getMessage().contains("no pooled connection in time"), e.getMessage());
        assertEquals('a', held.body().read());
      }
      // Once the download is closed the connection is back in the pool.
      wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(JOB_JSON)));
      assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
    }
    assertEquals(2, serverSaw(wm));
  }
}
