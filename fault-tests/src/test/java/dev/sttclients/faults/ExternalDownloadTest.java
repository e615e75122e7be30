package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RequestValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Downloads from another origin ({@code ClientRuntime.download}, e.g. Daily's pre-signed output links): never a
 * credential, in a header or the query, whatever the link's host and across redirects; retried like any GET; typed
 * failures; the link's query (its signature) in no message.
 */
class ExternalDownloadTest {
  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  private final Harness h = new Harness();

  private RawClient client(boolean queryAuth) {
    RawClient.Builder b = RawClient.builder().apiKey(Faults.API_KEY).baseUrl(Faults.baseUrl(wm)).sleeper(h.sleeper)
        .retryListener(h::onRetry).responseTimeout(Duration.ofSeconds(5));
    return (queryAuth ? b.queryAuth("api_token") : b).build();
  }

  private static String text(RawClient c, String url) {
    ApiResponse<BinaryResponse> r = c.rt().download("getOutput", url, RequestOptions.none());
    return c.rt().readText("getOutput", r, 1024);
  }

  private static void assertNoCredential(LoggedRequest r) {
    assertFalse(r.containsHeader("x-gladia-key"), "auth header sent to " + r.getUrl());
    assertFalse(r.getUrl().contains("api_token"), "auth query parameter sent: " + r.getUrl());
    r.getHeaders().all().forEach(header -> assertFalse(header.values().stream()
        .anyMatch(v -> v.contains(Faults.API_KEY)), "the key in header " + header.key()));
  }

  @Test
  void aLinkOnTheApisOwnHostStillGetsNoCredentialHeaderOrQuery() {
    wm.stubFor(get(urlPathEqualTo("/out/t.txt")).willReturn(aResponse().withStatus(200).withBody("hello")));
    for (boolean queryAuth : List.of(false, true)) {
      try (RawClient c = client(queryAuth)) {
        assertEquals("hello", text(c, Faults.baseUrl(wm) + "/out/t.txt?X-Amz-Signature=abc"));
      }
    }
    assertEquals(2, serverSaw(wm));
    wm.getAllServeEvents().forEach(e -> assertNoCredential(e.getRequest()));
    wm.getAllServeEvents().forEach(e -> assertEquals("/out/t.txt?X-Amz-Signature=abc", e.getRequest().getUrl()));
  }

  @Test
  void aRedirectToTheApiHostCarriesNoCredentialEither() {
    wm.stubFor(get(urlPathEqualTo("/signed/t.txt")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", Faults.baseUrl(wm) + "/v2/pre-recorded/x")));
    wm.stubFor(get(urlPathEqualTo("/v2/pre-recorded/x")).willReturn(aResponse().withStatus(200).withBody("moved")));
    try (RawClient c = client(false)) {
      assertEquals("moved", text(c, Faults.baseUrl(wm) + "/signed/t.txt?sig=1"));
    }
    assertEquals(2, serverSaw(wm));
    wm.getAllServeEvents().forEach(e -> assertNoCredential(e.getRequest()));
  }

  @Test
  void aGetIsRetriedAfterA503AndErrorsAreTypedWithoutTheSignature() {
    wm.stubFor(get(urlPathEqualTo("/flaky.txt")).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willSetStateTo("ok").willReturn(aResponse().withStatus(503)));
    wm.stubFor(get(urlPathEqualTo("/flaky.txt")).inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("second time")));
    wm.stubFor(get(urlPathEqualTo("/gone.txt")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/xml").withBody("<Error><Code>NoSuchKey</Code></Error>")));
    try (RawClient c = client(false)) {
      assertEquals("second time", text(c, Faults.baseUrl(wm) + "/flaky.txt?X-Amz-Signature=s1"));
      assertEquals(1, h.events.size());
      assertFalse(h.events.get(0).toString().contains("X-Amz-Signature"), h.events.get(0).toString());

      NotFoundException gone = fails(NotFoundException.class,
          () -> text(c, Faults.baseUrl(wm) + "/gone.txt?X-Amz-Signature=t0p-s3cr3t"));
      assertTrue(gone.rawBody().contains("NoSuchKey"), gone.rawBody());
      assertFalse(gone.getMessage().contains("t0p-s3cr3t"), gone.getMessage());
    }
  }

  @Test
  void aBodyBrokenOrTooLongWhileReadingIsTyped() {
    wm.stubFor(get(urlPathEqualTo("/broken.txt")).willReturn(aResponse().withStatus(200)
        .withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    wm.stubFor(get(urlPathEqualTo("/long.txt")).willReturn(aResponse().withStatus(200).withBody("y".repeat(1025))));
    try (RawClient c = client(false)) {
      ConnectionException broken = fails(ConnectionException.class,
          () -> text(c, Faults.baseUrl(wm) + "/broken.txt?sig=zz-secret"));
      assertFalse(broken.getMessage().contains("zz-secret"), broken.getMessage());
      MalformedResponseException tooLong = fails(MalformedResponseException.class,
          () -> text(c, Faults.baseUrl(wm) + "/long.txt"));
      assertTrue(tooLong.getMessage().contains("longer than the 1024 bytes"), tooLong.getMessage());
    }
  }

  @Test
  void onlyAbsoluteHttpsLinksAreFollowedAndHttpOnlyByAnHttpClient() {
    try (RawClient https = RawClient.builder().apiKey(Faults.API_KEY).baseUrl("https://api.example.invalid")
        .build(); RawClient http = client(false)) {
      for (String bad : new String[] {"http://127.0.0.1:" + wm.getPort() + "/x.txt", "file:///etc/passwd",
          "/relative/x.txt", "not a url", null}) {
        RequestValidationException e = fails(RequestValidationException.class,
            () -> https.rt().download("getOutput", bad, RequestOptions.none()));
        assertEquals("url", e.violations().get(0).field());
        assertEquals(0, e.attempts());
      }
      RequestValidationException ftp = fails(RequestValidationException.class,
          () -> http.rt().download("getOutput", "ftp://127.0.0.1/x.txt?sig=abc", RequestOptions.none()));
      assertEquals("ftp://127.0.0.1/x.txt", ftp.violations().get(0).value(), "shown without its query");
    }
    assertEquals(0, serverSaw(wm));
  }
}
