package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.RequestTimeoutException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.internal.OperationRequest;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A non-idempotent POST (e.g. "start a transcription job") is retried only when the request provably never
 * reached the server. The Gladia spec has no POST, so these calls are built by hand and run through the same
 * ClientRuntime every generated API uses.
 */
class PostRetryTest {
  private static final String JOBS = "/v2/pre-recorded";
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  private final Harness h = new Harness();

  private RawClient client(String baseUrl) {
    return RawClient.builder().apiKey(Faults.API_KEY).baseUrl(baseUrl).sleeper(h.sleeper).retryListener(h::onRetry)
        .responseTimeout(Duration.ofSeconds(5)).build();
  }

  private static OperationRequest startJob() {
    return OperationRequest.builder("create", "POST", JOBS)
        .body(Map.of("audio_url", "https://example.com/meeting.wav"), "application/json")
        .build();
  }

  private static ApiResponse<Map<String, Object>> call(RawClient c, OperationRequest r) {
    return c.rt().execute(r, JSON_OBJECT, RequestOptions.none());
  }

  @Test
  void connectionRefusedIsRetriedBecauseNothingWasSent() throws Exception {
    int port = Faults.freePort();
    AtomicReference<RawServer> started = new AtomicReference<>();
    // Nothing listens on the first attempt; the server comes up during the wait before the second.
    h.onSleep = () -> {
      if (started.get() == null) {
        try {
          started.set(new RawServer(port, (n, head, s) -> RawServer.respond(s, 200, "application/json",
              "{\"id\":\"45463597-20b7-4af7-b3b3-f5fb778203ab\"}")));
        } catch (java.io.IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    try (RawClient c = client("http://127.0.0.1:" + port)) {
      ApiResponse<Map<String, Object>> r = call(c, startJob());
      assertEquals(2, r.attempts());
      assertEquals("45463597-20b7-4af7-b3b3-f5fb778203ab", r.body().get("id"));
      assertEquals(1, started.get().requests());
      assertTrue(started.get().heads.get(0).startsWith("POST /v2/pre-recorded HTTP/1.1"));
      assertTrue(h.events.get(0).reason().startsWith("connection refused"), h.events.get(0).reason());
      assertEquals("POST", h.events.get(0).method());
    } finally {
      if (started.get() != null) {
        started.get().close();
      }
    }
  }

  @Test
  void connectionRefusedForeverStopsAtTheBound() throws Exception {
    try (RawClient c = client("http://127.0.0.1:" + Faults.freePort())) {
      ConnectionException e = fails(ConnectionException.class, () -> call(c, startJob()));
      assertEquals(3, e.attempts());
      assertInstanceOf(ConnectException.class, e.getCause());
      assertEquals(2, h.waits.size());
      assertTrue(e.getMessage().startsWith("raw create: connection refused"), e.getMessage());
    }
  }

  @Test
  void serviceUnavailableOnPostIsNotRetried() {
    wm.stubFor(post(urlPathEqualTo(JOBS)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    try (RawClient c = client(Faults.baseUrl(wm))) {
      ServerException e = fails(ServerException.class, () -> call(c, startJob()));
      assertEquals(503, e.statusCode());
      assertEquals(1, e.attempts());
    }
    assertEquals(1, serverSaw(wm));
    wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS))
        .withRequestBody(equalToJson("{\"audio_url\":\"https://example.com/meeting.wav\"}")));
    assertTrue(h.waits.isEmpty());
  }

  @Test
  void resetOnPostIsNotRetried() {
    wm.stubFor(post(urlPathEqualTo(JOBS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (RawClient c = client(Faults.baseUrl(wm))) {
      ConnectionException e = fails(ConnectionException.class, () -> call(c, startJob()));
      assertEquals(1, e.attempts());
    }
    assertEquals(1, serverSaw(wm));
    assertTrue(h.waits.isEmpty());
  }

  @Test
  void tooManyRequestsOnPostIsNotRetried() {
    wm.stubFor(post(urlPathEqualTo(JOBS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
    try (RawClient c = client(Faults.baseUrl(wm))) {
      RateLimitException e = fails(RateLimitException.class, () -> call(c, startJob()));
      assertEquals(1, e.attempts());
      assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    }
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void responseTimeoutOnPostIsNotRetried() {
    wm.stubFor(post(urlPathEqualTo(JOBS)).willReturn(okJson("{}").withFixedDelay(1500)));
    try (RawClient c = RawClient.builder().apiKey(Faults.API_KEY).baseUrl(Faults.baseUrl(wm)).sleeper(h.sleeper)
        .responseTimeout(Duration.ofMillis(250)).build()) {
      RequestTimeoutException e = fails(RequestTimeoutException.class, () -> call(c, startJob()));
      assertEquals(1, e.attempts());
    }
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void putIsIdempotentAndRetried() {
    wm.stubFor(put(urlPathEqualTo(JOBS + "/x")).willReturn(aResponse().withStatus(503)));
    try (RawClient c = client(Faults.baseUrl(wm))) {
      ServerException e = fails(ServerException.class, () -> call(c,
          OperationRequest.builder("replace", "PUT", JOBS + "/x").body(Map.of("a", 1), "application/json").build()));
      assertEquals(3, e.attempts());
    }
    assertEquals(3, serverSaw(wm));
  }
}
