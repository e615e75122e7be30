package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sttclients.faults.Faults.API_KEY;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.JOB_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.RetryEvent;
import dev.sttclients.runtime.Secret;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.runtime.internal.OperationRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs after every other class of the suite (see junit-platform.properties) and looks for the API key in
 * everything the clients logged (HttpClient's loggers at DEBUG, the runtime's at TRACE: see the surefire
 * configuration), every exception they threw (messages, causes, stack traces), every retry event and every
 * toString() the suite rendered.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretScanTest {
  /** A second key, sent as a query parameter (see {@link #queryParameterKeyStaysOutOfTheRuntimesOwnOutput}). */
  private static final String QUERY_KEY = "qk-FAULT-SUITE-0b9d44e1-do-not-leak";
  private static final String MAIN_CLIENT_EXEC = "org.apache.hc.client5.http.impl.classic.MainClientExec";

  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  @Test
  @Order(1)
  void theKeyIsSentToItsOwnHostOnlyEvenAcrossARedirect() throws Exception {
    try (RawServer elsewhere = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", JOB_JSON));
        GladiaClient c = Faults.gladia(Faults.baseUrl(wm), new Harness()).build()) {
      wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(aResponse().withStatus(302)
          .withHeader("Location", elsewhere.baseUrl() + JOB_PATH)));
      assertEquals(JOB_ID, c.preRecorded().get(JOB_ID).getId().toString());
      // Positive control: the configured host did get the key (so the scans below are not vacuous).
      wm.verify(1, getRequestedFor(urlPathEqualTo(JOB_PATH)).withHeader("x-gladia-key", equalTo(API_KEY)));
      assertEquals(1, elsewhere.requests());
      assertFalse(elsewhere.heads.get(0).toLowerCase().contains("x-gladia-key"), elsewhere.heads.get(0));
      assertFalse(elsewhere.heads.get(0).contains(API_KEY));
    }
  }

  @Test
  @Order(2)
  void toStringNeverShowsTheKey() {
    try (GladiaClient c = GladiaClient.builder().apiKey(API_KEY).build()) {
      Faults.RENDERED.add(c.toString());
      Faults.RENDERED.add(c.config().toString());
      Faults.RENDERED.add(c.config().credential().toString());
      Faults.RENDERED.add(RequestOptions.builder().header("x-gladia-key", API_KEY).build().toString());
      Faults.RENDERED.add(Secret.of(API_KEY).toString());
      assertTrue(c.config().toString().contains("credential=****"), c.config().toString());
    }
  }

  @Test
  @Order(3)
  void queryParameterKeyStaysOutOfTheRuntimesOwnOutput() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, n == 1 ? 503 : 200,
        "application/json", "{}"));
        RawClient c = RawClient.builder().apiKey(QUERY_KEY).queryAuth("key").baseUrl(server.baseUrl())
            .sleeper(new Harness().sleeper).retryListener(Faults.EVENTS::add).build()) {
      c.rt().execute(OperationRequest.builder("get", "GET", "/things/{id}").pathParam("id", "1").build(),
          new TypeReference<Map<String, Object>>() {}, RequestOptions.none());
      assertTrue(server.heads.get(0).startsWith("GET /things/1?key=" + QUERY_KEY + " HTTP/1.1"), server.heads.get(0));
      Faults.RENDERED.add(c.toString());
    }
  }

  @Test
  @Order(10)
  void nothingTheSuiteLoggedThrewOrRenderedContainsTheKey() throws Exception {
    assertTrue(Faults.THROWN.size() >= 50,
        "the scan needs the rest of the suite to have run first; only " + Faults.THROWN.size() + " exceptions seen");
    assertTrue(Faults.EVENTS.size() >= 20, "only " + Faults.EVENTS.size() + " retry events seen");

    List<String> secrets = List.of(API_KEY, QUERY_KEY, RedirectFaultsTest.VERBIT_KEY, RedactionTest.ODD_KEY,
        TransportOptionsTest.PROXY_PASSWORD, "gk-FROM-ENVIRONMENT-5d1e0c77-do-not-leak");
    for (Throwable t : Faults.THROWN) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace)); // message, causes, suppressed
      for (String secret : secrets) {
        assertFalse(trace.toString().contains(secret), "a secret in " + trace);
      }
      if (t instanceof SttException) {
        assertFalse(t.getMessage().contains("\n"), "message of more than one line: " + t.getMessage());
      }
    }
    for (RetryEvent e : Faults.EVENTS) {
      for (String secret : secrets) {
        assertFalse(e.toString().contains(secret), e.toString());
      }
    }
    for (String s : Faults.RENDERED) {
      for (String secret : secrets) {
        assertFalse(s.contains(secret), s);
      }
    }

    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/fault-suite.log"));
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    // The log really is at the levels the scan claims, and shows the traffic with the key redacted.
    assertTrue(lines.stream().anyMatch(l -> l.contains(" DEBUG org.apache.hc.client5")), "no HttpClient DEBUG lines");
    assertTrue(lines.stream().anyMatch(l -> l.contains(" TRACE dev.sttclients.http - -> gladia GET")
        && l.contains("x-gladia-key: ****")), "no redacted request header line");
    assertTrue(lines.stream().anyMatch(l -> l.contains(" INFO dev.sttclients.retry - gladia get (GET " + JOB_PATH
        + "): attempt 1 of 3 failed")), "no retry log line");
    // The query-string key is written on the wire only (see queryParameterKeyStaysOutOfTheRuntimesOwnOutput): the
    // request lines HttpClient's MainClientExec logs at DEBUG show the request without it.
    assertTrue(lines.stream().anyMatch(l -> l.contains(" DEBUG " + MAIN_CLIENT_EXEC + " - ")
        && l.endsWith("executing GET /things/1")), "no MainClientExec request line for the query-auth call");
    assertTrue(lines.size() > 1000, lines.size() + " lines");

    for (String line : lines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), "a secret in log line: " + line);
      }
    }
  }
}
