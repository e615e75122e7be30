package dev.sttclients.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sttclients.runtime.internal.Origin;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientConfigTest {
  private static final String KEY = "acme-key-1";

  private static TestClient.Builder builder() {
    return TestClient.builder().apiKey(KEY);
  }

  @Test
  void defaults() {
    try (TestClient c = builder().build()) {
      ClientConfig cfg = c.config();
      assertEquals(URI.create("https://api.acme.test/v1"), cfg.baseUrl());
      assertEquals(new Origin("https", "api.acme.test", 443), cfg.origin());
      assertEquals(Duration.ofSeconds(10), cfg.connectTimeout());
      assertEquals(Duration.ofSeconds(60), cfg.responseTimeout());
      assertEquals(Duration.ofSeconds(30), cfg.connectionRequestTimeout());
      assertEquals(Duration.ofMinutes(5), cfg.callTimeout());
      assertEquals(64, cfg.maxConnections());
      assertEquals(64 * 1024 * 1024, cfg.maxResponseSize());
      assertEquals(2, cfg.retryPolicy().maxRetries());
      assertFalse(cfg.allowPlainHttp());
      assertFalse(cfg.useSystemProxies());
      assertTrue(cfg.proxy().isEmpty());
      assertFalse(cfg.strictResponseValidation());
      assertEquals(Sleeper.SYSTEM, cfg.sleeper());
      assertEquals(null, cfg.retryListener());
      assertEquals(AuthScheme.header("x-key"), cfg.auth());
      assertEquals(KEY, cfg.credential().reveal());
      assertTrue(cfg.userAgent().startsWith("stt-clients/" + Version.VALUE + " (acme; java/"), cfg.userAgent());
      assertEquals("ClientConfig{vendor=acme, baseUrl=https://api.acme.test/v1, credential=****, auth=HEADER:x-key,"
          + " connectTimeout=PT10S, responseTimeout=PT1M, connectionRequestTimeout=PT30S, callTimeout=PT5M,"
          + " maxConnections=64, maxResponseSize=67108864, retryPolicy=" + RetryPolicy.defaults()
          + ", strictResponseValidation=false, allowPlainHttp=false}", cfg.toString());
      assertEquals("TestClient{baseUrl=https://api.acme.test/v1, credential=****}", c.toString());
    }
  }

  @Test
  void everySettingIsKept() throws Exception {
    RetryListener listener = e -> { };
    Sleeper sleeper = d -> { };
    try (TestClient c = builder().baseUrl("http://127.0.0.1:9/api").connectTimeout(Duration.ofSeconds(1))
        .responseTimeout(Duration.ofSeconds(2)).connectionRequestTimeout(Duration.ofSeconds(3))
        .callTimeout(Duration.ofSeconds(4)).maxConnections(5).maxResponseSize(6000).maxRetries(7)
        .retryListener(listener).sleeper(sleeper).strictResponseValidation(true).allowPlainHttp(true)
        .proxy("http://proxy.corp:3128").proxyCredentials("bob", "proxy-secret").sslContext(SSLContext.getDefault())
        .httpClientCustomizer(b -> { }).userAgentSuffix("my-app/1.2").build()) {
      ClientConfig cfg = c.config();
      assertEquals(Duration.ofSeconds(1), cfg.connectTimeout());
      assertEquals(Duration.ofSeconds(2), cfg.responseTimeout());
      assertEquals(Duration.ofSeconds(3), cfg.connectionRequestTimeout());
      assertEquals(Duration.ofSeconds(4), cfg.callTimeout());
      assertEquals(5, cfg.maxConnections());
      assertEquals(6000, cfg.maxResponseSize());
      assertEquals(7, cfg.retryPolicy().maxRetries());
      assertEquals(listener, cfg.retryListener());
      assertEquals(sleeper, cfg.sleeper());
      assertTrue(cfg.strictResponseValidation());
      assertTrue(cfg.allowPlainHttp());
      assertEquals(URI.create("http://proxy.corp:3128"), cfg.proxy().orElseThrow());
      assertTrue(cfg.userAgent().endsWith(") my-app/1.2"), cfg.userAgent());
      String s = cfg.toString();
      assertTrue(s.endsWith(", allowPlainHttp=true, proxy=http://proxy.corp:3128 (credentials ****),"
          + " sslContext=custom, httpClientCustomizer=set}"), s);
      assertFalse(s.contains("proxy-secret") || s.contains(KEY), s);
    }
    try (TestClient c = builder().useSystemProxies(true).build()) {
      assertTrue(c.config().useSystemProxies());
      assertTrue(c.config().toString().endsWith(", allowPlainHttp=false, useSystemProxies=true}"));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"https://h, https://h", "https://h/, https://h", "https://h///, https://h", "https://h/api/, https://h/api",
      "http://127.0.0.1:8080/a/b/, http://127.0.0.1:8080/a/b", "HTTPS://H:443/x, HTTPS://H:443/x"})
  void trailingSlashesAreDropped(String given, String kept) {
    assertEquals(URI.create(kept), ClientConfig.parseBaseUrl(given));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http:///x", "http:/x", "https://u@h", "https://u:p@h", "https://h?q", "https://h?",
      "https://h#f", "https://h/#", "ftp://h", "h", "/relative", "https://", "https://h h", "mailto:a@b"})
  void invalidBaseUrls(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientConfig.parseBaseUrl(url));
    assertTrue(e.getMessage().startsWith("baseUrl "), e.getMessage());
    assertTrue(e.getMessage().endsWith(url), e.getMessage());
  }

  @Test
  void plainHttpOnlyToThisMachineUnlessAllowed() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder().baseUrl("http://api.acme.test").build());
    assertEquals("acme: baseUrl http://api.acme.test is plain http to a host other than this machine: the API key"
        + " would cross the network in clear. Use https, or allowPlainHttp(true) for a network you trust",
        e.getMessage());
    try (TestClient c = builder().baseUrl("http://localhost:1").build()) {
      assertEquals("http", c.config().origin().scheme());
    }
    try (TestClient c = builder().baseUrl("http://api.acme.test").allowPlainHttp(true).build()) {
      assertTrue(c.config().allowPlainHttp());
    }
  }

  @Test
  void settingsAreCheckedWhenSet() {
    assertEquals("maxConnections must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> builder().maxConnections(0)).getMessage());
    assertEquals(1, builder().maxConnections(1).build().config().maxConnections());
    for (String name : new String[] {"connectTimeout", "responseTimeout", "connectionRequestTimeout", "callTimeout"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
        switch (name) {
          case "connectTimeout" -> builder().connectTimeout(Duration.ZERO);
          case "responseTimeout" -> builder().responseTimeout(Duration.ofMillis(-5));
          case "connectionRequestTimeout" -> builder().connectionRequestTimeout(Duration.ZERO);
          default -> builder().callTimeout(Duration.ofSeconds(-1));
        }
      });
      assertTrue(e.getMessage().startsWith(name + " must be positive and at most 365 days, was "), e.getMessage());
    }
    // Longer than the clock's arithmetic can take: refused when set, not an ArithmeticException at the first call.
    assertEquals("callTimeout must be positive and at most 365 days, was PT8760H0.001S",
        assertThrows(IllegalArgumentException.class,
            () -> builder().callTimeout(Duration.ofDays(365).plusMillis(1))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder().responseTimeout(Duration.ofSeconds(Long.MAX_VALUE)));
    assertEquals(Duration.ofDays(365), builder().callTimeout(Duration.ofDays(365)).build().config().callTimeout());
    assertThrows(NullPointerException.class, () -> builder().callTimeout(null));
    assertEquals(Duration.ofNanos(1000000), builder().callTimeout(Duration.ofMillis(1)).build().config().callTimeout());
    assertEquals(1024, builder().maxResponseSize(1024).build().config().maxResponseSize());
    assertEquals(2147483631, builder().maxResponseSize(2147483631L).build().config().maxResponseSize());
    assertThrows(IllegalArgumentException.class, () -> builder().maxResponseSize(1023));
    assertThrows(IllegalArgumentException.class, () -> builder().maxResponseSize(2147483632L));
    assertThrows(IllegalArgumentException.class, () -> builder().userAgentSuffix("a\nb"));
    assertEquals("", builder().userAgentSuffix(null).build().config().userAgent().replaceAll(".*\\)", ""));
  }

  @Test
  void proxySettings() {
    for (String ok : new String[] {"http://proxy:3128", "https://proxy", "http://proxy:3128/"}) {
      try (TestClient c = builder().proxy(ok).build()) {
        assertEquals(URI.create(ok), c.config().proxy().orElseThrow());
      }
    }
    for (String bad : new String[] {"socks5://p:1080", "http://u:p@p:1", "http://p:1/x", "http://p:1?q", "http://p#f",
        "p:3128", "http:///x", "http://p q"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().proxy(bad), bad);
      assertTrue(e.getMessage().startsWith("proxy "), e.getMessage());
    }
    assertEquals("acme: both proxy(...) and useSystemProxies(true) were set: choose one",
        assertThrows(IllegalStateException.class, () -> builder().proxy("http://p:1").useSystemProxies(true).build())
            .getMessage());
    assertEquals("acme: proxyCredentials(...) needs proxy(...)",
        assertThrows(IllegalStateException.class, () -> builder().proxyCredentials("u", "p").build()).getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder().proxyCredentials("u", " "));
  }

  @Test
  void aVendorBuilderMayReplaceTheAuthScheme() {
    try (TestClient c = TestClient.builder().auth(AuthScheme.query("api_token")).apiKey("k").build()) {
      assertEquals(AuthScheme.query("api_token"), c.config().auth());
      assertTrue(c.config().toString().contains("auth=QUERY:api_token"), c.config().toString());
    }
  }

  @Test
  void theKeyComesFromTheBuilderOrTheEnvironment() {
    assumeTrue(System.getenv(TestClient.UNSET_ENV) == null);
    for (TestClient.Builder b : new TestClient.Builder[] {TestClient.builder(), TestClient.builder().apiKey(null)}) {
      IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
      assertEquals("acme: an API key is required: call apiKey(...) with one or set the environment variable "
          + TestClient.UNSET_ENV, e.getMessage());
    }
    assertEquals("credential is blank", assertThrows(IllegalArgumentException.class,
        () -> TestClient.builder().apiKey(" ")).getMessage());
    try (TestClient c = TestClient.builder().apiKey("k1").apiKey(null).apiKey("k2").build()) {
      assertEquals("k2", c.config().credential().reveal());
    }
  }
}
