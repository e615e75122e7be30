package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.JOB_PATH;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.RetryEvent;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Idempotent calls (GET, DELETE) against connection faults and retryable statuses: how many requests the
 * server saw, what was thrown, and the waits the client asked for (recorded, not slept).
 */
class RetryFaultsTest {
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

  private void stubJob(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(response));
  }

  @Test
  void connectionResetIsRetriedToTheBoundThenThrowsConnectionException() {
    stubJob(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    ConnectionException e = fails(ConnectionException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(ConnectionException.class, e.getClass());
    assertEquals(3, e.attempts());
    assertEquals(3, serverSaw(wm));
    assertEquals(2, h.waits.size());
    assertTrue(h.waitMillis(0) <= 500 && h.waitMillis(1) <= 1000, h.waits.toString());
    assertTrue(e.getMessage().startsWith("gladia get: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("after 3 attempts"), e.getMessage());
  }

  @Test
  void emptyResponseIsRetriedThenConnectionException() {
    stubJob(aResponse().withFault(Fault.EMPTY_RESPONSE));
    ConnectionException e = fails(ConnectionException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(3, e.attempts());
    assertEquals(3, serverSaw(wm));
    assertTrue(e.getMessage().contains("without a response"), e.getMessage());
  }

  @Test
  void garbageBytesAreRetriedThenConnectionException() {
    stubJob(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
    ConnectionException e = fails(ConnectionException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(ConnectionException.class, e.getClass());
    assertEquals(3, e.attempts());
    assertEquals(3, serverSaw(wm));
  }

  @Test
  void garbageAfterAnOkStatusIsRetriedThenConnectionException() {
    stubJob(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    ConnectionException e = fails(ConnectionException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(3, e.attempts(), e.getMessage());
    assertEquals(3, serverSaw(wm));
    assertTrue(e.getMessage().contains("HTTP 200, then"), e.getMessage());
  }

  @Test
  void serviceUnavailableThenOkSucceedsOnTheSecondAttempt() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("up"));
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson(JOB_JSON)));
    ApiResponse<PreRecordedJob> r = client.preRecorded().getWithResponse(JOB_ID, RequestOptions.none());
    assertEquals(200, r.statusCode());
    assertEquals(2, r.attempts());
    assertEquals(JOB_ID, r.body().getId().toString());
    assertEquals(2, serverSaw(wm));
    assertEquals(1, h.waits.size());
    assertTrue(h.waitMillis(0) >= 0 && h.waitMillis(0) <= 500, h.waits.toString());
    RetryEvent event = h.events.get(0);
    assertEquals(1, event.failedAttempt());
    assertEquals(3, event.maxAttempts());
    assertEquals("HTTP 503", event.reason());
    assertEquals("get", event.operation());
    assertEquals(h.waits.get(0), event.delay());
  }

  @Test
  void internalServerErrorForeverStopsAtTheBound() {
    stubJob(aResponse().withStatus(500).withHeader("x-request-id", "G-500").withBody("{\"message\":\"boom\"}"));
    ServerException e = fails(ServerException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(500, e.statusCode());
    assertEquals(3, e.attempts());
    assertEquals("G-500", e.requestId().orElseThrow());
    assertEquals(3, serverSaw(wm));
    assertEquals(2, h.waits.size());
    assertTrue(h.waitMillis(0) <= 500, h.waits.toString());
    assertTrue(h.waitMillis(1) <= 1000, h.waits.toString());
    assertEquals(List.of(1, 2), h.events.stream().map(RetryEvent::failedAttempt).toList());
  }

  @Test
  void maxRetriesIsConfigurableAndZeroDisablesRetries() {
    stubJob(aResponse().withStatus(502));
    try (GladiaClient none = Faults.gladia(Faults.baseUrl(wm), h).maxRetries(0).build()) {
      ServerException e = fails(ServerException.class, () -> none.preRecorded().get(JOB_ID));
      assertEquals(1, e.attempts());
      assertEquals(1, serverSaw(wm));
    }
    wm.resetRequests();
    try (GladiaClient five = Faults.gladia(Faults.baseUrl(wm), h).maxRetries(5).build()) {
      ServerException e = fails(ServerException.class, () -> five.preRecorded().get(JOB_ID));
      assertEquals(6, e.attempts());
      assertEquals(6, serverSaw(wm));
    }
    wm.resetRequests();
    ServerException perCall = fails(ServerException.class,
        () -> client.preRecorded().get(JOB_ID, RequestOptions.builder().maxRetries(1).build()));
    assertEquals(2, perCall.attempts());
    assertEquals(2, serverSaw(wm));
  }

  @Test
  void tooManyRequestsHonoursRetryAfterInSeconds() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).inScenario("rl").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).inScenario("rl").whenScenarioStateIs("ok").willReturn(okJson(JOB_JSON)));
    assertEquals(JOB_ID, client.preRecorded().get(JOB_ID).getId().toString());
    assertEquals(List.of(Duration.ofSeconds(7)), h.waits);
    assertEquals(2, serverSaw(wm));
  }

  @Test
  void tooManyRequestsHonoursRetryAfterAsHttpDate() {
    String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).inScenario("rl").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", in30s)).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).inScenario("rl").whenScenarioStateIs("ok").willReturn(okJson(JOB_JSON)));
    client.preRecorded().get(JOB_ID);
    assertEquals(1, h.waits.size());
    // The date has second precision: the wait is 30 s minus the sub-second part and the test's own latency.
    assertTrue(h.waitMillis(0) > 25_000 && h.waitMillis(0) <= 30_000, h.waits.toString());
    assertEquals(2, serverSaw(wm));
  }

  @Test
  void tooManyRequestsForeverThrowsRateLimitWithRetryAfter() {
    stubJob(aResponse().withStatus(429).withHeader("Retry-After", "2").withHeader("x-request-id", "G-429")
        .withBody("{\"message\":\"slow down\"}"));
    RateLimitException e = fails(RateLimitException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(3, e.attempts());
    assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), h.waits);
    assertEquals(3, serverSaw(wm));
    assertEquals("gladia get: HTTP 429: slow down (request id G-429) after 3 attempts", e.getMessage());
  }

  @Test
  void retryAfterLongerThanTheLimitIsNotWaitedForButReported() {
    stubJob(aResponse().withStatus(429).withHeader("Retry-After", "3600"));
    RateLimitException e = fails(RateLimitException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(1, e.attempts());
    assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
    assertEquals(List.of(), h.waits);
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void requestTimeoutStatusIsRetriedNotImplementedIsNot() {
    stubJob(aResponse().withStatus(408));
    UnexpectedStatusException e = fails(UnexpectedStatusException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(408, e.statusCode());
    assertEquals(3, e.attempts());
    assertEquals(3, serverSaw(wm));
    wm.resetAll();
    stubJob(aResponse().withStatus(501));
    ServerException notImplemented = fails(ServerException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(1, notImplemented.attempts());
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void clientErrorsAreNeverRetried() {
    stubJob(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(Faults.NOT_FOUND_JSON));
    NotFoundException e = fails(NotFoundException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(1, e.attempts());
    assertEquals(1, serverSaw(wm));
    assertTrue(h.waits.isEmpty());
  }

  @Test
  void deleteIsIdempotentAndRetriedOnReset() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(JOB_PATH)).inScenario("del")
        .whenScenarioStateIs(STARTED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("ok"));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(JOB_PATH)).inScenario("del")
        .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(202)));
    ApiResponse<Void> r = client.preRecorded().deleteWithResponse(JOB_ID, RequestOptions.none());
    assertEquals(202, r.statusCode());
    assertEquals(2, r.attempts());
    assertEquals(2, serverSaw(wm));
    assertTrue(h.events.get(0).reason().startsWith("connection reset"), h.events.get(0).reason());
  }

  @Test
  void retryEventsNameTheAttemptTheReasonAndTheWait() {
    stubJob(aResponse().withStatus(503));
    ServerException e = fails(ServerException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(3, e.attempts());
    assertEquals("gladia get (GET " + JOB_PATH + "): attempt 1 of 3 failed (HTTP 503), retrying in "
        + h.waitMillis(0) + " ms", h.events.get(0).toString());
  }
}
