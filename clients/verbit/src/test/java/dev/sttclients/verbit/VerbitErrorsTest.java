package dev.sttclients.verbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sttclients.runtime.RetryEvent;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.ServiceException;
import dev.sttclients.verbit.model.JobStatus;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.StartProcessingRequest;
import dev.sttclients.verbit.model.VerbitError;
import dev.sttclients.verbit.model.VerbitErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verbit's error body {"ErrorType", "ErrorComment"} becomes a typed exception that exposes both. */
class VerbitErrorsTest extends LocalVerbit {

  private static String errorBody(String type, String comment) {
    return "{\"ErrorType\":\"" + type + "\",\"ErrorComment\":\"" + comment + "\"}";
  }

  @ParameterizedTest(name = "{0} -> HTTP {1}")
  @CsvSource({
      "ITEM_NOT_FOUND,    404, NotFoundException,       Job 123 not found",
      "BAD_API_TOKEN,     401, AuthenticationException, Invalid API token",
      "MISSING_PARAMETER, 400, BadRequestException,     Missing parameter: profile",
      "INVALID_OPTION,    400, BadRequestException,     finish_in should be between 0 and 900",
      "INVALID_QUERY,     400, BadRequestException,     Job is not in Pending status",
      "INVALID_URL,       400, BadRequestException,     media_url is not accessible"})
  void eachDocumentedErrorTypeMapsToItsException(String type, int status, String exception, String comment) {
    server.stubFor(get(urlPathEqualTo("/api/job/info")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(errorBody(type, comment))));
    ServiceException e;
    try (VerbitClient verbit = client().build()) {
      e = assertThrows(ServiceException.class, () -> verbit.jobs().info(123));
    }
    assertEquals(exception, e.getClass().getSimpleName());
    assertEquals(status, e.statusCode());
    assertEquals(Optional.of(type), e.errorType());
    assertEquals(Optional.of(comment), e.vendorMessage());
    VerbitError body = e.errorBody(VerbitError.class).orElseThrow();
    assertEquals(VerbitErrorType.fromValue(type), body.getErrorType());
    assertEquals(comment, body.getErrorComment());
    assertEquals("verbit info: HTTP " + status + " " + type + ": " + comment + " after 1 attempt", e.getMessage());
    assertEquals(1, requests().size(), "4xx is not retried");
  }

  @Test
  void theSameMappingAppliesToPosts() {
    server.stubFor(post(urlPathEqualTo("/api/job/new")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody(errorBody("ITEM_NOT_FOUND", "Profile not found"))));
    try (VerbitClient verbit = client().build()) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> verbit.jobs().create(new NewJobRequest().profile("Nope")));
      assertEquals(Optional.of("ITEM_NOT_FOUND"), e.errorType());
      assertEquals(Optional.of("Profile not found"), e.vendorMessage());
      assertEquals("create", e.operation());
    }
  }

  @Test
  void anUnknownErrorTypeStillParsesAndKeepsItsText() {
    server.stubFor(post(urlPathEqualTo("/api/job/perform_transcription")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ErrorType\":\"PROFILE_DISABLED\",\"ErrorComment\":\"Profile is disabled\",\"Extra\":1}")));
    try (VerbitClient verbit = client().build()) {
      BadRequestException e = assertThrows(BadRequestException.class,
          () -> verbit.jobs().startProcessing(9, new StartProcessingRequest().finishIn(0)));
      assertEquals(Optional.of("PROFILE_DISABLED"), e.errorType());
      assertEquals(Optional.of("Profile is disabled"), e.vendorMessage());
      assertEquals(VerbitErrorType.UNKNOWN_DEFAULT_OPEN_API,
          e.errorBody(VerbitError.class).orElseThrow().getErrorType());
    }
  }

  @Test
  void anErrorThatIsNotVerbitsJsonKeepsTheRawBody() {
    server.stubFor(get(urlPathEqualTo("/api/job/info")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "text/html").withBody("<html>proxy says no</html>")));
    try (VerbitClient verbit = client().build()) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> verbit.jobs().info(1));
      assertEquals(Optional.empty(), e.errorType());
      assertEquals("<html>proxy says no</html>", e.rawBody());
    }
  }

  @Test
  void startProcessingIsNeverRetriedAfterTheServerGotIt() {
    server.stubFor(post(urlPathEqualTo("/api/job/perform_transcription")).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody(errorBody("SERVICE_UNAVAILABLE", "try later"))));
    List<RetryEvent> retries = new ArrayList<>();
    try (VerbitClient verbit = client().maxRetries(3).retryListener(retries::add).build()) {
      ServerException e = assertThrows(ServerException.class,
          () -> verbit.jobs().startProcessing(5, new StartProcessingRequest().finishIn(0)));
      assertEquals(1, e.attempts());
    }
    assertEquals(1, requests().size(), "a POST that reached the server is not repeated");
    assertEquals(List.of(), retries);
  }

  @Test
  void infoIsAGetAndIsRetried() {
    server.stubFor(get(urlPathEqualTo("/api/job/info")).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
    server.stubFor(get(urlPathEqualTo("/api/job/info")).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson("{\"id\":5,\"job_status\":\"In Progress\"}")));
    List<RetryEvent> retries = new ArrayList<>();
    try (VerbitClient verbit = client().maxRetries(2).retryListener(retries::add).build()) {
      assertEquals(JobStatus.IN_PROGRESS, verbit.jobs().info(5).getJobStatus());
    }
    assertEquals(2, requests().size());
    assertEquals(1, retries.size());
    assertInstanceOf(RetryEvent.class, retries.get(0));
    assertEquals("HTTP 503", retries.get(0).reason());
  }
}
