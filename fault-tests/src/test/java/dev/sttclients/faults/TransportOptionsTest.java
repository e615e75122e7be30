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
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.RequestTimeoutException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import dev.sttclients.runtime.internal.OperationRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/**
 * What users of the AWS SDK and openai-java expect to set on the transport: a proxy (explicit, with credentials, or
 * the JVM's standard properties), their own TLS trust, and one hook on HttpClient's builder that cannot undo the
 * runtime's safety settings.
 */
class TransportOptionsTest {
  /** Kept out of every log line and exception (see SecretScanTest). */
  static final String PROXY_PASSWORD = "pp-FAULT-SUITE-8e21f0c3-do-not-leak";
  private final Harness h = new Harness();

  @Test
  void anExplicitProxyWithBasicCredentials() throws Exception {
    String expected = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PROXY_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    try (RawServer proxy = new RawServer((n, head, s) -> {
      if (!head.contains("Proxy-Authorization: " + expected + "\r\n")) {
        RawServer.write(s, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
            + "Content-Length: 0\r\n\r\n");
      } else {
        RawServer.respond(s, 200, "application/json", JOB_JSON);
      }
    }); GladiaClient c = Faults.gladia("http://stt-origin.test", h).allowPlainHttp(true).proxy(proxy.baseUrl())
        .proxyCredentials("alice", PROXY_PASSWORD).build()) {
      assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
      assertEquals(2, proxy.requests());
      assertEquals("GET http://stt-origin.test" + JOB_PATH + " HTTP/1.1", proxy.requestLine(1));
      assertTrue(proxy.head(1).contains("x-gladia-key: " + API_KEY), proxy.head(1));
      String config = c.config().toString();
      Faults.RENDERED.add(config);
      assertTrue(config.contains("proxy=" + proxy.baseUrl() + " (credentials ****)"), config);
    }
  }

  @Test
  void aFailingUserInterceptorIsATypedFailure() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", JOB_JSON));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).maxRetries(0).httpClientCustomizer(b ->
            b.addRequestInterceptorFirst((request, entity, context) -> {
              throw new IllegalStateException("tracing backend down");
            })).build()) {
      ConnectionException e = fails(ConnectionException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals("gladia get: unexpected failure in the HTTP client (IllegalStateException)", e.getMessage());
      assertEquals("tracing backend down", e.getCause().getMessage());
      assertEquals(0, server.requests());
    }
  }

  /** A refused tunnel leaves no connection leased. */
  @Test
  void aRefusedTunnelLeavesNoConnectionBehind() throws Exception {
    try (RawServer proxy = new RawServer((n, head, s) -> RawServer.write(s, n % 2 == 0
        ? "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
        : "HTTP/1.1 407 Who\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nno"));
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl("https://api.gladia.io").proxy(proxy.baseUrl())
            .maxRetries(0).connectionRequestTimeout(Duration.ofMillis(500)).maxConnections(1).build()) {
      for (int i = 0; i < 4; i++) {
        fails(ConnectionException.class, () -> c.rt().execute(OperationRequest.builder("get", "GET", "/x").build(),
            new TypeReference<Map<String, Object>>() {}, null));
      }
      assertEquals(0, c.rt().leasedConnections());
      assertEquals(4, proxy.requests());
    }
  }

  /** https through a proxy is a CONNECT tunnel: the proxy sees the host, never the key. */
  @Test
  void httpsThroughAProxyIsATunnelTheProxyCannotRead() throws Exception {
    try (RawServer proxy = new RawServer((n, head, s) -> RawServer.write(s,
        "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"));
        GladiaClient c = Faults.gladia("https://api.gladia.io", h).proxy(proxy.baseUrl()).maxRetries(0).build()) {
      ConnectionException e = fails(ConnectionException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(1, e.attempts());
      assertTrue(e.getMessage().startsWith("gladia get: the proxy refused the tunnel to https://api.gladia.io:443 with"
          + " HTTP 502 (TunnelRefused)"), e.getMessage());
      assertEquals("CONNECT api.gladia.io:443 HTTP/1.1", proxy.requestLine(0));
      assertFalse(proxy.head(0).contains(API_KEY), proxy.head(0));
    }
  }

  @Test
  void theJvmsStandardProxyPropertiesWhenAsked() throws Exception {
    try (RawServer proxy = new RawServer((n, head, s) -> RawServer.write(s,
        "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"))) {
      System.setProperty("https.proxyHost", "127.0.0.1");
      System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
      try (GladiaClient c = Faults.gladia("https://stt-proxy.test", h).useSystemProxies(true).maxRetries(0)
          .build()) {
        fails(ConnectionException.class, () -> c.preRecorded().get(JOB_ID));
      } finally {
        System.clearProperty("https.proxyHost");
        System.clearProperty("https.proxyPort");
      }
      assertEquals(1, proxy.requests());
      assertEquals("CONNECT stt-proxy.test:443 HTTP/1.1", proxy.requestLine(0));
    }
    IllegalStateException both = fails(IllegalStateException.class, () -> GladiaClient.builder().apiKey(API_KEY)
        .proxy("http://127.0.0.1:3128").useSystemProxies(true).build());
    assertTrue(both.getMessage().contains("choose one"), both.getMessage());
    for (String bad : new String[] {"socks5://127.0.0.1:1080", "http://u:p@proxy:3128", "http://proxy:3128/path",
        "proxy:3128"}) {
      fails(IllegalArgumentException.class, () -> GladiaClient.builder().proxy(bad));
    }
  }

  @Test
  void aCustomSslContextIsUsedAndTheDefaultTrustStoreIsNot() throws Exception {
    try (RawServer tls = new RawServer(TestTls.server(), (n, head, s) -> RawServer.respond(s, 200, "application/json",
        JOB_JSON))) {
      try (GladiaClient c = Faults.gladia(tls.baseUrl(), h).maxRetries(0).build()) {
        ConnectionException e = fails(ConnectionException.class, () -> c.preRecorded().get(JOB_ID));
        assertTrue(e.getMessage().contains("TLS failure"), e.getMessage());
      }
      try (GladiaClient c = Faults.gladia(tls.baseUrl(), h).sslContext(TestTls.trustingClient()).build()) {
        assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
        assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
      }
      assertEquals(2, tls.requests());
      assertTrue(tls.head(0).contains("x-gladia-key: " + API_KEY));
    }
  }

  /**
   * The hook runs first: it can add an interceptor, but its redirect strategy, request config and user agent are
   * replaced by the runtime's (so a POST is still never redirected and the timeouts still hold).
   */
  @Test
  void theCustomizerCannotUndoTheRuntimesSettings() throws Exception {
    try (RawServer home = new RawServer((n, head, s) -> {
      if (head.startsWith("POST")) {
        RawServer.write(s, "HTTP/1.1 307 Temporary Redirect\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n");
      } else {
        RawServer.awaitClientGone(s, Duration.ofSeconds(30));
      }
    }); RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(home.baseUrl()).sleeper(h.sleeper).maxRetries(0)
        .responseTimeout(Duration.ofMillis(300))
        .httpClientCustomizer(b -> b
            .addRequestInterceptorFirst((request, entity, context) -> request.addHeader("X-Tracing", "on"))
            .setRedirectStrategy(DefaultRedirectStrategy.INSTANCE)
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMinutes(10)).build())
            .setUserAgent("replaced"))
        .build()) {
      UnexpectedStatusException redirected = fails(UnexpectedStatusException.class, () -> c.rt().execute(
          OperationRequest.builder("create", "POST", "/jobs").body(Map.of("a", 1), "application/json").build(),
          new TypeReference<Map<String, Object>>() {}, null));
      assertEquals(307, redirected.statusCode());
      assertEquals(1, home.requests());
      assertTrue(home.head(0).contains("X-Tracing: on\r\n"), home.head(0));
      assertTrue(home.head(0).contains("User-Agent: stt-clients/"), home.head(0));
      long start = System.nanoTime();
      fails(RequestTimeoutException.class, () -> c.rt().execute(OperationRequest.builder("get", "GET", "/x").build(),
          new TypeReference<Map<String, Object>>() {}, null));
      assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000);
      assertFalse(c.config().toString().toLowerCase(Locale.ROOT).contains("replaced"));
    }
  }
}
