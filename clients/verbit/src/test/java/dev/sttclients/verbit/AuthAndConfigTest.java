package dev.sttclients.verbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.runtime.RetryEvent;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.verbit.model.NewJobRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the credential travels, and that the legacy query form never leaks; base URLs and the API version. */
class AuthAndConfigTest extends LocalVerbit {

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> seen = requests();
    assertEquals(1, seen.size(), "requests: " + seen);
    return seen.get(0);
  }

  @Test
  void apiTokenHeaderIsTheDefault() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":1,\"job_status\":\"Pending\"}")));
    try (VerbitClient verbit = client().build()) {
      verbit.jobs().info(1);
    }
    LoggedRequest r = onlyRequest();
    assertEquals("ApiToken " + KEY, r.getHeader("Authorization"));
    assertEquals("/api/job/info?v=4&job_id=1", r.getUrl());
  }

  @Test
  void bearerTokenForOAuth() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{\"job_id\":3}")));
    try (VerbitClient verbit = VerbitClient.builder().bearerToken("oauth-access-token").baseUrl(baseUrl()).build()) {
      assertEquals(3L, verbit.jobs().create(new NewJobRequest().profile("Standard")).getJobId());
    }
    assertEquals("Bearer oauth-access-token", onlyRequest().getHeader("Authorization"));
  }

  @Test
  void legacyQueryAuthSendsApiTokenAndNoHeader() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":1,\"job_status\":\"Pending\"}")));
    try (VerbitClient verbit = client().legacyQueryAuth().build()) {
      verbit.jobs().info(1);
    }
    LoggedRequest r = onlyRequest();
    assertEquals("/api/job/info?v=4&job_id=1&api_token=" + KEY, r.getUrl());
    assertFalse(r.containsHeader("Authorization"));
  }

  @Test
  void legacyQueryTokenNeverAppearsInAnHttpError() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"ErrorType\":\"BAD_API_TOKEN\",\"ErrorComment\":\"Invalid API token\"}")));
    try (VerbitClient verbit = client().legacyQueryAuth().build()) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> verbit.jobs().info(1));
      assertEquals("verbit info: HTTP 401 BAD_API_TOKEN: Invalid API token after 1 attempt", e.getMessage());
      assertNoKey(e);
      assertNoKey(verbit.toString());
      assertNoKey(verbit.config().toString());
    }
  }

  @Test
  void legacyQueryTokenNeverAppearsInAConnectionErrorOrRetryEvent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    List<RetryEvent> retries = new ArrayList<>();
    try (VerbitClient verbit = VerbitClient.builder().apiKey(KEY).legacyQueryAuth()
        .baseUrl("http://127.0.0.1:" + closedPort + "/api").maxRetries(1).retryListener(retries::add)
        .sleeper(d -> { }).build()) {
      ConnectionException e = assertThrows(ConnectionException.class, () -> verbit.jobs().info(1));
      assertTrue(e.getMessage().startsWith("verbit info: connection refused"), e.getMessage());
      assertNoKey(e);
    }
    assertEquals(1, retries.size());
    assertNoKey(retries.get(0).toString());
    assertFalse(retries.get(0).toString().contains("?"), retries.get(0).toString());
  }

  private static void assertNoKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertNoKey(String.valueOf(t));
      for (StackTraceElement el : t.getStackTrace()) {
        assertNoKey(el.toString());
      }
    }
    if (e instanceof SttException stt) {
      assertNoKey(stt.vendor());
    }
  }

  private static void assertNoKey(String text) {
    assertFalse(text.contains(KEY), "credential leaked: " + text);
  }

  @Test
  void conflictingCredentialsAreRejected() {
    IllegalStateException both = assertThrows(IllegalStateException.class,
        () -> VerbitClient.builder().apiKey("k").bearerToken("t").build());
    assertTrue(both.getMessage().contains("choose one"), both.getMessage());
    IllegalStateException queryBearer = assertThrows(IllegalStateException.class,
        () -> VerbitClient.builder().bearerToken("t").legacyQueryAuth().build());
    assertTrue(queryBearer.getMessage().contains("legacyQueryAuth()"), queryBearer.getMessage());
  }

  @Test
  void aMissingKeyNamesTheEnvironmentVariable() {
    assumeTrue(System.getenv("VERBIT_API_KEY") == null, "VERBIT_API_KEY is set in this environment");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> VerbitClient.builder().build());
    assertTrue(e.getMessage().contains("VERBIT_API_KEY"), e.getMessage());
  }

  @Test
  void productionIsTheDefaultAndSandboxIsOneCallAway() {
    try (VerbitClient prod = VerbitClient.builder().apiKey("k").build();
        VerbitClient sandbox = VerbitClient.builder().apiKey("k").sandbox().build();
        VerbitClient back = VerbitClient.builder().apiKey("k").sandbox().production().build();
        VerbitClient custom = VerbitClient.builder().apiKey("k").sandbox().baseUrl("http://127.0.0.1:1/api").build()) {
      assertEquals(URI.create("https://api.verbit.co/api"), prod.config().baseUrl());
      assertEquals(URI.create("https://sandbox-api.verbit.co/api"), sandbox.config().baseUrl());
      assertEquals(URI.create(VerbitClient.PRODUCTION_URL), back.config().baseUrl());
      assertEquals(URI.create("http://127.0.0.1:1/api"), custom.config().baseUrl());
      assertEquals(4, prod.apiVersion());
    }
  }

  @Test
  void apiVersionMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VerbitClient.builder().apiVersion(0));
    assertEquals("apiVersion must be at least 1, was 0", e.getMessage());
  }

  @Test
  void theCredentialIsNotSentToAnotherHostOnRedirect() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://localhost:" + server.port() + "/elsewhere")));
    server.stubFor(any(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/elsewhere"))
        .willReturn(okJson("{\"id\":1,\"job_status\":\"Pending\"}")));
    try (VerbitClient verbit = client().build()) {
      verbit.jobs().info(1);
    }
    List<LoggedRequest> seen = requests();
    assertEquals(2, seen.size());
    assertEquals("ApiToken " + KEY, seen.get(0).getHeader("Authorization"));
    assertNull(seen.get(1).getHeader("Authorization"), "localhost is another host than 127.0.0.1");
  }
}
