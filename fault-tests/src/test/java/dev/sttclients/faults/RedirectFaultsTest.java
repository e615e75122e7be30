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
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import dev.sttclients.runtime.internal.OperationRequest;
import dev.sttclients.verbit.VerbitClient;
import dev.sttclients.verbit.model.NewJobRequest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects are where a server can steer a request elsewhere: the credential and the per-call headers must stay
 * with the configured origin (scheme, host, effective port), a POST must never be re-sent or forwarded, a
 * downgrade to plain http is never followed, and loops end at once with a typed, non-retried exception.
 */
class RedirectFaultsTest {
  static final String VERBIT_KEY = "vk-FAULT-SUITE-31c0aa52-do-not-leak";
  private final Harness h = new Harness();

  private static RawServer.Script redirect(int status, String location) {
    return (n, head, s) -> RawServer.write(s, "HTTP/1.1 " + status + " Moved\r\nLocation: " + location
        + "\r\nContent-Length: 0\r\n\r\n");
  }

  private static String lower(String head) {
    return head.toLowerCase(Locale.ROOT);
  }

  @Test
  void perCallHeadersAndTheKeyStayWithTheConfiguredOrigin() throws Exception {
    try (RawServer other = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", JOB_JSON));
        RawServer home = new RawServer(redirect(302, other.baseUrl() + JOB_PATH));
        GladiaClient c = Faults.gladia(home.baseUrl(), h).build()) {
      c.preRecorded().get(JOB_ID, RequestOptions.builder().header("X-Trace-Id", "trace-7").build());
      assertTrue(home.head(0).contains("x-gladia-key: " + API_KEY + "\r\n"), home.head(0));
      assertTrue(home.head(0).contains("X-Trace-Id: trace-7\r\n"), home.head(0));
      assertEquals("GET " + JOB_PATH + " HTTP/1.1", other.requestLine(0));
      assertFalse(lower(other.head(0)).contains("x-gladia-key"), other.head(0));
      assertFalse(lower(other.head(0)).contains("x-trace-id"), other.head(0));
      assertTrue(other.head(0).contains("Accept: application/json\r\n"), other.head(0));
    }
  }

  /**
   * Through a proxy (which sees every request, whatever its host), so that the origin can be a host name with the
   * default port: {@code http://stt-origin.test} and {@code http://stt-origin.test:80} are one origin, {@code :8080}
   * is another.
   */
  @Test
  void theOriginComparesSchemeHostAndEffectivePort() throws Exception {
    String next = JOB_PATH + "?hop=2";
    try (RawServer proxy = new RawServer((n, head, s) -> {
      switch (n) {
        case 1 -> redirect(302, "http://stt-origin.test:80" + next).answer(n, head, s);
        case 2 -> redirect(302, "http://STT-Origin.test:8080" + JOB_PATH).answer(n, head, s);
        default -> RawServer.respond(s, 200, "application/json", JOB_JSON);
      }
    }); GladiaClient c = Faults.gladia("http://stt-origin.test", h).allowPlainHttp(true)
        .proxy(proxy.baseUrl()).build()) {
      c.preRecorded().get(JOB_ID);
      assertEquals(3, proxy.requests());
      assertTrue(proxy.requestLine(0).startsWith("GET http://stt-origin.test"), proxy.requestLine(0));
      assertTrue(proxy.head(0).contains("x-gladia-key: " + API_KEY), proxy.head(0));
      assertTrue(proxy.requestLine(1).contains("hop=2"), proxy.requestLine(1));
      assertTrue(proxy.head(1).contains("x-gladia-key: " + API_KEY), "same origin (default port): " + proxy.head(1));
      assertTrue(proxy.requestLine(2).toLowerCase(Locale.ROOT).contains("stt-origin.test:8080"), proxy.requestLine(2));
      assertFalse(lower(proxy.head(2)).contains("x-gladia-key"), "another port is another origin: " + proxy.head(2));
    }
  }

  @ParameterizedTest(name = "https -> {0}")
  @ValueSource(strings = {"http://127.0.0.1:PLAIN", "http://localhost:PLAIN", "http://127.0.0.1:TLS"})
  void httpsToHttpIsNeverFollowed(String location) throws Exception {
    try (RawServer plain = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", JOB_JSON))) {
      String target = location.replace("PLAIN", String.valueOf(plain.port()));
      try (RawServer home = new RawServer(TestTls.server(), (n, head, s) -> redirect(301,
          target.replace("TLS", String.valueOf(s.getLocalPort())) + JOB_PATH).answer(n, head, s));
          GladiaClient c = Faults.gladia(home.baseUrl(), h).sslContext(TestTls.trustingClient()).build()) {
        UnexpectedStatusException e = fails(UnexpectedStatusException.class, () -> c.preRecorded().get(JOB_ID));
        assertEquals(301, e.statusCode());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("redirect from https to http"), e.getMessage());
        assertEquals(1, home.requests());
        assertTrue(home.head(0).contains("x-gladia-key: " + API_KEY), "https home got the key: " + home.head(0));
      }
      assertEquals(0, plain.requests());
    }
  }

  @ParameterizedTest(name = "{0} answered {1}")
  @org.junit.jupiter.params.provider.CsvSource({"GET, 303, true", "HEAD, 303, true", "DELETE, 303, false",
      "DELETE, 307, true", "DELETE, 301, true", "OPTIONS, 308, true", "PUT, 307, false", "PATCH, 302, false"})
  void whichMethodsFollowWhichRedirects(String method, int status, boolean followed) throws Exception {
    try (RawServer home = new RawServer((n, head, s) -> {
      if (n == 1) {
        redirect(status, "/next").answer(n, head, s);
      } else {
        RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
      }
    }); RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(home.baseUrl()).sleeper(h.sleeper).build()) {
      OperationRequest r = OperationRequest.builder("op", method, "/first").build();
      if (followed) {
        c.rt().execute(r, method.equals("HEAD") ? null : new TypeReference<Map<String, Object>>() {}, null);
        assertEquals(method + " /next HTTP/1.1", home.requestLine(1));
        assertTrue(home.head(1).contains("x-gladia-key: " + API_KEY), "same origin: " + home.head(1));
      } else {
        UnexpectedStatusException e = fails(UnexpectedStatusException.class,
            () -> c.rt().execute(r, new TypeReference<Map<String, Object>>() {}, null));
        assertEquals(status, e.statusCode());
        assertTrue(e.getMessage().contains("redirect not followed: a " + method + " is never re-sent or forwarded"),
            e.getMessage());
        assertEquals(1, home.requests());
      }
    }
  }

  @Test
  void plainHttpToAnotherMachineIsNotFollowed() throws Exception {
    try (RawServer home = new RawServer(redirect(302, "http://192.0.2.10" + JOB_PATH)); // TEST-NET-1
        GladiaClient c = Faults.gladia(home.baseUrl(), h).build()) {
      UnexpectedStatusException e = fails(UnexpectedStatusException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(302, e.statusCode());
      assertTrue(e.getMessage().contains("plain http on another machine (http://192.0.2.10:80)"), e.getMessage());
      assertEquals(1, e.attempts());
      assertEquals(1, home.requests());
    }
  }

  @Test
  void aRedirectLoopEndsAtOnceAndIsNotRetried() throws Exception {
    try (RawServer home = new RawServer((n, head, s) -> redirect(302, head.contains(" /b ") ? "/a" : "/b")
        .answer(n, head, s)); RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(home.baseUrl())
        .sleeper(h.sleeper).retryListener(h::onRetry).build()) {
      UnexpectedStatusException e = fails(UnexpectedStatusException.class, () -> c.rt().execute(
          OperationRequest.builder("get", "GET", "/a").build(), new TypeReference<Map<String, Object>>() {}, null));
      assertEquals(302, e.statusCode());
      assertEquals(1, e.attempts());
      assertTrue(e.getMessage().contains("redirect loop"), e.getMessage());
      assertEquals(2, home.requests()); // /a, /b, then /a again is not requested
      assertTrue(h.waits.isEmpty());
    }
  }

  @Test
  void moreThanFiveRedirectsEndWithATypedNonRetriedException() throws Exception {
    try (RawServer home = new RawServer((n, head, s) -> redirect(307, "/hop" + n).answer(n, head, s));
        RawClient c = RawClient.builder().apiKey(API_KEY).baseUrl(home.baseUrl()).sleeper(h.sleeper).build()) {
      UnexpectedStatusException e = fails(UnexpectedStatusException.class, () -> c.rt().execute(
          OperationRequest.builder("get", "GET", "/start").build(), new TypeReference<Map<String, Object>>() {}, null));
      assertEquals(307, e.statusCode());
      assertEquals(1, e.attempts());
      assertTrue(e.getMessage().contains("more than 5 redirects"), e.getMessage());
      assertEquals(6, home.requests()); // the request and 5 redirects
      assertEquals("GET /hop5 HTTP/1.1", home.requestLine(5));
    }
  }

  private static VerbitClient verbit(String baseUrl) {
    return VerbitClient.builder().apiKey(VERBIT_KEY).baseUrl(baseUrl + "/api").sleeper(d -> { }).build();
  }

  /** A 307 to a dead port: the old "never sent" check looked at the last hop and replayed the POST from the start. */
  @Test
  void aPostRedirectedToADeadPortReachesTheServerExactlyOnce() throws Exception {
    int dead = Faults.freePort();
    try (RawServer home = new RawServer(redirect(307, "http://127.0.0.1:" + dead + "/api/job/new"));
        VerbitClient v = verbit(home.baseUrl())) {
      UnexpectedStatusException e = fails(UnexpectedStatusException.class,
          () -> v.jobs().create(new NewJobRequest().profile("Standard")));
      assertEquals(307, e.statusCode());
      assertEquals(1, e.attempts());
      assertTrue(e.getMessage().contains("a POST with a body is never re-sent or forwarded"), e.getMessage());
      assertEquals(1, home.requests());
      assertTrue(home.requestLine(0).startsWith("POST /api/job/new?v=4 "), home.requestLine(0));
    }
  }

  @ParameterizedTest(name = "POST answered {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aPostIsNeverForwardedNorTurnedIntoAGet(int status) throws Exception {
    try (RawServer other = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json",
        "{\"job_id\":99}"));
        RawServer home = new RawServer(redirect(status, other.baseUrl() + "/api/job/new"));
        VerbitClient v = verbit(home.baseUrl())) {
      UnexpectedStatusException e = fails(UnexpectedStatusException.class,
          () -> v.jobs().create(new NewJobRequest().profile("Standard")));
      assertEquals(status, e.statusCode());
      assertEquals(1, home.requests());
      assertEquals(0, other.requests(), "the body (or a GET instead) went to " + other.baseUrl());
      assertEquals(java.util.List.of(other.baseUrl() + "/api/job/new"), e.headers().get("location"));
    }
  }

  /** Verbit's legacy query auth: a Location that echoes the key must not carry it to another origin. */
  @Test
  void aLocationThatCarriesTheQueryKeyToAnotherOriginIsNotFollowed() throws Exception {
    try (RawServer other = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", "{}"));
        RawServer home = new RawServer((n, head, s) -> redirect(302, other.baseUrl() + "/api/job/info?v=4&job_id=1&"
            + "echo=" + VERBIT_KEY).answer(n, head, s));
        VerbitClient v = VerbitClient.builder().apiKey(VERBIT_KEY).legacyQueryAuth().baseUrl(home.baseUrl() + "/api")
            .sleeper(d -> { }).build()) {
      UnexpectedStatusException e = fails(UnexpectedStatusException.class, () -> v.jobs().info(1));
      assertTrue(e.getMessage().contains("would carry the credential to another origin"), e.getMessage());
      assertFalse(e.toString().contains(VERBIT_KEY), e.toString());
      assertFalse(e.headers().toString().contains(VERBIT_KEY), e.headers().toString());
      assertEquals(0, other.requests());
      assertEquals("GET /api/job/info?v=4&job_id=1&api_token=" + VERBIT_KEY + " HTTP/1.1", home.requestLine(0));
    }
  }

  /** Same origin: the echoed key is taken out of the Location and written once, by the client. */
  @Test
  void aSameOriginRedirectCarriesTheQueryKeyExactlyOnce() throws Exception {
    try (RawServer home = new RawServer((n, head, s) -> {
      if (n == 1) {
        redirect(302, "/api/job/info?api_token=" + VERBIT_KEY + "&v=4&job_id=2").answer(n, head, s);
      } else {
        RawServer.respond(s, 200, "application/json", "{\"id\":2,\"job_status\":\"Pending\"}");
      }
    }); VerbitClient v = VerbitClient.builder().apiKey(VERBIT_KEY).legacyQueryAuth().baseUrl(home.baseUrl() + "/api")
        .sleeper(d -> { }).build()) {
      assertEquals(2L, v.jobs().info(1).getId());
      assertEquals("GET /api/job/info?v=4&job_id=2&api_token=" + VERBIT_KEY + " HTTP/1.1", home.requestLine(1));
    }
  }

  @Test
  void aCrossOriginRedirectOfAQueryAuthCallCarriesNoKey() throws Exception {
    try (RawServer other = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json",
        "{\"id\":1,\"job_status\":\"Pending\"}"));
        RawServer home = new RawServer(redirect(302, other.baseUrl() + "/api/job/info?v=4&job_id=1"));
        VerbitClient v = VerbitClient.builder().apiKey(VERBIT_KEY).legacyQueryAuth().baseUrl(home.baseUrl() + "/api")
            .sleeper(d -> { }).build()) {
      v.jobs().info(1);
      assertEquals("GET /api/job/info?v=4&job_id=1 HTTP/1.1", other.requestLine(0));
      assertFalse(other.head(0).contains(VERBIT_KEY), other.head(0));
    }
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedAtBuildUnlessAllowed() {
    IllegalStateException e = fails(IllegalStateException.class,
        () -> GladiaClient.builder().apiKey(API_KEY).baseUrl("http://api.gladia.io").build());
    assertTrue(e.getMessage().contains("plain http to a host other than this machine"), e.getMessage());
    assertFalse(e.getMessage().contains(API_KEY));
    for (String loopback : new String[] {"http://localhost:1", "http://127.0.0.1:1", "http://127.9.8.7:1",
        "http://[::1]:1", "https://api.gladia.io"}) {
      try (GladiaClient c = GladiaClient.builder().apiKey(API_KEY).baseUrl(loopback).build()) {
        assertEquals(loopback, c.config().baseUrl().toString());
      }
    }
    try (GladiaClient c = GladiaClient.builder().apiKey(API_KEY).baseUrl("http://api.gladia.io").allowPlainHttp(true)
        .build()) {
      assertTrue(c.config().allowPlainHttp());
    }
    for (String notLoopback : new String[] {"http://128.0.0.1", "http://localhost.example.com", "http://127.0.0.1.nip.io",
        "http://10.0.0.1:8080"}) {
      fails(IllegalStateException.class, () -> GladiaClient.builder().apiKey(API_KEY).baseUrl(notLoopback).build());
    }
  }
}
