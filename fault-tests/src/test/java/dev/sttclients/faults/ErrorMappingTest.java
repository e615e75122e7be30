package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_PATH;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.GladiaError;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.ConflictException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import dev.sttclients.runtime.errors.RateLimitException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.ServiceException;
import dev.sttclients.runtime.errors.UnexpectedStatusException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error status maps to its one exception type, carrying everything the vendor sent. */
class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  private final Harness h = new Harness();
  private GladiaClient client;

  @BeforeEach
  void setUp() {
    client = Faults.gladia(Faults.baseUrl(wm), h).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static String gladiaError(int status, String message) {
    return "{\"timestamp\":\"2024-03-01T10:00:00.000Z\",\"path\":\"" + JOB_PATH + "\",\"request_id\":\"G-" + status
        + "\",\"statusCode\":" + status + ",\"message\":\"" + message + "\",\"validation_errors\":[\"x\"]}";
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "400, BadRequestException",
      "422, BadRequestException",
      "401, AuthenticationException",
      "403, PermissionDeniedException",
      "404, NotFoundException",
      "409, ConflictException",
      "429, RateLimitException",
      "500, ServerException",
      "502, ServerException",
      "503, ServerException",
      "504, ServerException",
      "405, UnexpectedStatusException",
      "418, UnexpectedStatusException"})
  void statusMapsToItsExceptionWithStatusHeadersBodiesAndRequestId(int status, String type) {
    String body = gladiaError(status, "Something went wrong");
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("X-Custom", "yes").withBody(body)));
    ServiceException e = fails(ServiceException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(type, e.getClass().getSimpleName());
    assertEquals(status, e.statusCode());
    assertEquals(1, e.attempts());
    assertEquals(1, serverSaw(wm));
    assertEquals(List.of("yes"), e.headers().get("x-custom"));
    assertEquals(body, e.rawBody());
    GladiaError parsed = e.errorBody(GladiaError.class).orElseThrow();
    assertEquals("Something went wrong", parsed.getMessage());
    assertEquals("G-" + status, e.requestId().orElseThrow());
    assertEquals("Something went wrong", e.vendorMessage().orElseThrow());
    assertEquals("gladia", e.vendor());
    assertEquals("get", e.operation());
    assertEquals("gladia get: HTTP " + status + ": Something went wrong (request id G-" + status + ") after 1 attempt",
        e.getMessage());
  }

  @Test
  void hierarchy() {
    // A 403 (e.g. deleting a job that is still processing) is not an authentication failure: a
    // catch (AuthenticationException) meant for a bad key must not swallow it.
    assertFalse(AuthenticationException.class.isAssignableFrom(PermissionDeniedException.class));
    for (Class<?> c : List.of(BadRequestException.class, AuthenticationException.class, PermissionDeniedException.class,
        NotFoundException.class, ConflictException.class, RateLimitException.class, ServerException.class,
        UnexpectedStatusException.class)) {
      assertTrue(ServiceException.class.isAssignableFrom(c), c.getName());
    }
  }

  @Test
  void requestIdHeaderWinsOverTheBody() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(aResponse().withStatus(401)
        .withHeader("x-request-id", "G-from-header").withBody(gladiaError(401, "Invalid or missing x-gladia-key"))));
    AuthenticationException e = fails(AuthenticationException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals("G-from-header", e.requestId().orElseThrow());
  }

  @Test
  void htmlErrorPageFromAProxyKeepsTheRawBodyAndAOneLineMessage() {
    String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<h1>502 Bad Gateway</h1>\n"
        + "<hr><center>nginx</center>\n</body>\n</html>\n";
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody(html)));
    ServerException e = fails(ServerException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals(html, e.rawBody());
    assertTrue(e.errorBody().isEmpty());
    assertTrue(e.requestId().isEmpty());
    assertEquals("gladia get: HTTP 502 after 1 attempt", e.getMessage());
  }

  @Test
  void errorBodyOfAnotherShapeIsKeptRaw() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("[\"not\", \"an\", \"object\"]")));
    BadRequestException e = fails(BadRequestException.class, () -> client.preRecorded().get(JOB_ID));
    assertTrue(e.errorBody().isEmpty());
    assertEquals("[\"not\", \"an\", \"object\"]", e.rawBody());
  }

  @Test
  void multiLineVendorMessagesBecomeOneLine() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(aResponse().withStatus(422)
        .withBody(gladiaError(422, "limit must be\\n  at least 1"))));
    BadRequestException e = fails(BadRequestException.class, () -> client.preRecorded().get(JOB_ID));
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().contains("limit must be at least 1"), e.getMessage());
  }

  @Test
  void plainTextErrorBodyBecomesTheMessage() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(aResponse().withStatus(404).withBody("no such job")));
    NotFoundException e = fails(NotFoundException.class, () -> client.preRecorded().get(JOB_ID));
    assertEquals("gladia get: HTTP 404: no such job after 1 attempt", e.getMessage());
  }
}
