package dev.sttclients.gladia;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Requests that break the spec fail in the client, naming the parameter, and nothing reaches the server. */
class ListValidationTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private GladiaClient gladia;

  @BeforeEach
  void setUp() {
    gladia = GladiaClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).build();
    // Anything that got through would succeed, so only the client can make these calls fail.
    server.stubFor(get(anyUrl()).willReturn(okJson(JobsJson.page("offset=0&limit=2", null, List.of(1)))));
  }

  @AfterEach
  void tearDown() {
    gladia.close();
  }

  private static Violation rejected(String field, Executable call) {
    RequestValidationException e = assertThrows(RequestValidationException.class, call);
    assertEquals(0, e.attempts());
    assertEquals(1, e.violations().size(), e.getMessage());
    Violation v = e.violations().get(0);
    assertEquals(field, v.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith("gladia list: invalid request, nothing sent"), e.getMessage());
    assertEquals(0, server.getAllServeEvents().size(), "the server saw a request");
    return v;
  }

  @Test
  void limitZeroFailsBeforeAnyRequest() {
    ListParams params = ListParams.builder().limit(0).build();
    Violation v = rejected("limit", () -> gladia.preRecorded().list(params));
    assertEquals("0", v.value());
    rejected("limit", () -> gladia.preRecorded().listAutoPaging(params));
    rejected("limit", () -> gladia.preRecorded().validateList(params));
  }

  @Test
  void negativeOffsetFailsBeforeAnyRequest() {
    ListParams params = ListParams.builder().offset(-1).build();
    Violation v = rejected("offset", () -> gladia.preRecorded().list(params));
    assertEquals("-1", v.value());
    rejected("offset", () -> gladia.preRecorded().listAutoPaging(params));
    rejected("offset", () -> gladia.preRecorded().listWithResponse(params, RequestOptions.none()));
  }

  @Test
  void theUnknownStatusPlaceholderCannotBeSent() {
    ListParams params = ListParams.builder()
        .status(dev.sttclients.gladia.model.JobStatus.DONE, dev.sttclients.gladia.model.JobStatus.UNKNOWN_DEFAULT_OPEN_API)
        .build();
    Violation v = rejected("status", () -> gladia.preRecorded().list(params));
    assertEquals("UNKNOWN_DEFAULT_OPEN_API", v.value());
  }

  @Test
  void theGeneratedListValidatesToo() {
    rejected("limit", () -> gladia.preRecorded().list(null, 0, null, null, null, null, null));
  }

  // Replaces "malformedDayIsRejectedByTheBuilder": the generated ListParams takes a LocalDate only, so a malformed
  // day cannot be expressed; what remains to check is that a day goes out as YYYY-MM-DD.
  @Test
  void aDayIsSentAsYearMonthDay() {
    gladia.preRecorded().list(ListParams.builder().date(LocalDate.of(2024, 2, 29)).build());
    gladia.preRecorded().list(ListParams.builder().date(LocalDate.of(987, 1, 2)).build());

    List<LoggedRequest> sent = sent();
    assertEquals("2024-02-29", sent.get(0).queryParameter("date").firstValue());
    assertEquals("0987-01-02", sent.get(1).queryParameter("date").firstValue());
  }

  // Replaces "malformedDateTimesAreRejectedByTheBuilder": ListParams takes OffsetDateTimes only, so a date-time
  // without an offset cannot be expressed; what remains to check is the RFC 3339 form on the wire.
  @Test
  void dateTimesAreSentWithSecondsAndTheirOffset() {
    gladia.preRecorded().list(ListParams.builder()
        .afterDate(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
        .beforeDate(OffsetDateTime.of(2026, 6, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2)))
        .build());

    LoggedRequest r = sent().get(0);
    assertEquals("2026-01-01T00:00:00Z", r.queryParameter("after_date").firstValue(), r.getUrl());
    assertEquals("2026-06-01T09:30:00+02:00", r.queryParameter("before_date").firstValue(), r.getUrl());
    assertTrue(r.getUrl().contains("before_date=2026-06-01T09%3A30%3A00%2B02%3A00"), r.getUrl());
  }

  @Test
  void validBoundsAreSent() {
    ListParams params = ListParams.builder().offset(0).limit(1).date(LocalDate.parse("2024-02-29")).build();
    gladia.preRecorded().validateList(params);
    assertEquals(0, server.getAllServeEvents().size(), "validating sends nothing");

    gladia.preRecorded().list(params);
    assertEquals(1, server.getAllServeEvents().size());
  }

  /** Requests the server received, oldest first. */
  private static List<LoggedRequest> sent() {
    List<LoggedRequest> out = new ArrayList<>();
    server.getAllServeEvents().forEach(e -> out.add(0, e.getRequest()));
    return out;
  }
}
