package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.API_KEY;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.errors.ServiceException;
import dev.sttclients.verbit.VerbitClient;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small API corrections: each as a user meets it through a client. */
class ApiCorrectionsTest {
  private final Harness h = new Harness();

  /** Deleting a job that is still processing is a 403: not a key problem, and not caught as one. */
  @Test
  void a403IsNotCaughtAsAnAuthenticationFailure() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 403, "application/json",
        "{\"timestamp\":\"2024-03-01T10:00:00Z\",\"path\":\"/v2\",\"message\":\"job is processing\"}"));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      String caught;
      try {
        c.preRecorded().delete(JOB_ID);
        caught = "nothing";
      } catch (AuthenticationException e) {
        caught = "AuthenticationException";
      } catch (PermissionDeniedException e) {
        Faults.THROWN.add(e);
        caught = "PermissionDeniedException";
      }
      assertEquals("PermissionDeniedException", caught);
    }
  }

  @Test
  void aServerErrorCarriesItsRetryAfter() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.write(s, n == 1
        ? "HTTP/1.1 503 Busy\r\nRetry-After: 3600\r\nContent-Length: 0\r\n\r\n"
        : "HTTP/1.1 500 Boom\r\nRetry-After: 5\r\nContent-Length: 0\r\n\r\n"));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).maxRetries(0).build()) {
      ServerException unavailable = fails(ServerException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(Duration.ofHours(1), unavailable.retryAfter().orElseThrow());
      ServerException boom = fails(ServerException.class, () -> c.preRecorded().get(JOB_ID));
      assertTrue(boom.retryAfter().isEmpty(), "Retry-After is read on 429 and 503 only");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "attachment; filename*=UTF-8''a%2Bb+c%20d.wav          | a+b+c d.wav",
      "attachment; filename=\"x;y.wav\"                      | x;y.wav",
      "attachment; filename=\"m\\\"x.wav\"; filename*=UTF-8''m%C3%A9.wav | mé.wav",
      "attachment; filename=\"../../etc/passwd\"             | passwd",
      "inline; filename=a+b.mp3                              | a+b.mp3"})
  void theFileNameIsReadWithHttpCoresParser(String disposition, String expected) throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/wav"
        + "\r\nContent-Disposition: " + disposition.trim() + "\r\nContent-Length: 4\r\n\r\nRIFF"));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build();
        BinaryResponse audio = c.preRecorded().getFile(JOB_ID)) {
      assertEquals(expected.trim(), audio.fileName().orElseThrow());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(4, audio.writeTo(out));
      assertEquals("RIFF", out.toString());
    }
  }

  /** README's first snippet with the variable unset: apiKey(null) falls back to the variable, then fails clearly. */
  @Test
  void apiKeyNullFallsBackToTheEnvironmentVariable() throws Exception {
    String envKey = System.getenv("GLADIA_API_KEY");
    assumeTrue(envKey != null, "set by the surefire configuration of this module");
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json",
        Faults.JOB_JSON))) {
      try (GladiaClient fromEnv = GladiaClient.builder().apiKey(null).baseUrl(server.baseUrl()).build();
          GladiaClient implicit = GladiaClient.builder().baseUrl(server.baseUrl()).build();
          GladiaClient explicit = GladiaClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).build()) {
        fromEnv.preRecorded().get(JOB_ID);
        implicit.preRecorded().get(JOB_ID);
        explicit.preRecorded().get(JOB_ID);
        Faults.RENDERED.add(fromEnv.config().toString());
      }
      assertTrue(server.head(0).contains("x-gladia-key: " + envKey + "\r\n"), server.head(0));
      assertTrue(server.head(1).contains("x-gladia-key: " + envKey + "\r\n"), server.head(1));
      assertTrue(server.head(2).contains("x-gladia-key: " + API_KEY + "\r\n"), "an explicit key wins");
    }
    assumeTrue(System.getenv("VERBIT_API_KEY") == null, "VERBIT_API_KEY is set in this environment");
    IllegalStateException e = fails(IllegalStateException.class,
        () -> VerbitClient.builder().apiKey(System.getenv("VERBIT_API_KEY")).build());
    assertEquals("verbit: an API key is required: call apiKey(...) with one or set the environment variable"
        + " VERBIT_API_KEY", e.getMessage());
    IllegalArgumentException bearer = fails(IllegalArgumentException.class,
        () -> VerbitClient.builder().bearerToken(null));
    assertEquals("verbit: bearerToken(null): an OAuth access token is required", bearer.getMessage());
  }

  @Test
  void everyHttpErrorIsAServiceException() {
    for (Class<?> c : new Class<?>[] {AuthenticationException.class, PermissionDeniedException.class,
        ServerException.class}) {
      assertTrue(ServiceException.class.isAssignableFrom(c), c.getName());
    }
  }
}
