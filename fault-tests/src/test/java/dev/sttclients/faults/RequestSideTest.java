package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invalid arguments fail before anything is sent; hostile ids cannot reach another path. */
class RequestSideTest {
  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  private final Harness h = new Harness();
  private GladiaClient client;

  @BeforeEach
  void setUp() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    client = Faults.gladia(Faults.baseUrl(wm), h).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../admin", "4546/../x", "a?b=c", "a#b", "a b", "not-a-uuid", ""})
  void malformedIdFailsFastNamingFieldValueAndRule(String id) {
    RequestValidationException e = fails(RequestValidationException.class, () -> client.preRecorded().get(id));
    assertEquals(1, e.violations().size());
    Violation v = e.violations().get(0);
    assertEquals("id", v.field());
    assertEquals("'" + id + "'", v.value());
    assertTrue(v.rule().startsWith("must match \"^[0-9a-fA-F]{8}-"), v.rule());
    assertEquals(0, e.attempts());
    assertEquals(0, serverSaw(wm));
    assertTrue(e.getMessage().startsWith("gladia get: invalid request, nothing sent: id='" + id + "' (must match"),
        e.getMessage());
  }

  @Test
  void missingIdAndOutOfRangeNumbersFailFast() {
    RequestValidationException nullId = fails(RequestValidationException.class, () -> client.preRecorded().delete(null));
    assertEquals(List.of(new Violation("id", "null", "must not be null")), nullId.violations());
    RequestValidationException range = fails(RequestValidationException.class,
        () -> client.preRecorded().list(-1, 0, null, null, null, null, null));
    assertEquals(List.of(
        new Violation("limit", "0", "must be greater than or equal to 1"),
        new Violation("offset", "-1", "must be greater than or equal to 0")), range.violations());
    assertEquals(0, serverSaw(wm));
  }

  @Test
  void validArgumentsAreSentWithEncodedQueryParameters() {
    client.preRecorded().list(0, 5, null, null, null, List.of(JobStatus.DONE, JobStatus.ERROR),
        Map.of("user", "a&b=c d"));
    assertEquals(1, serverSaw(wm));
    String url = wm.getAllServeEvents().get(0).getRequest().getUrl();
    assertEquals("/v2/pre-recorded?offset=0&limit=5&status=done&status=error"
        + "&custom_metadata=%7B%22user%22%3A%22a%26b%3Dc%20d%22%7D",
        url);
  }

  // Hostile path parameters through a hand-built request: WireFormatTest, with the expected bytes written by hand.
}
