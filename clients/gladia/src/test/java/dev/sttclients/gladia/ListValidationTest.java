package dev.sttclients.gladia;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
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
    ListJobsRequest request = ListJobsRequest.builder().limit(0).build();
    Violation v = rejected("limit", () -> gladia.preRecorded().list(request));
    assertEquals("0", v.value());
    rejected("limit", () -> gladia.preRecorded().listAutoPaging(request));
  }

  @Test
  void negativeOffsetFailsBeforeAnyRequest() {
    ListJobsRequest request = ListJobsRequest.builder().offset(-1).build();
    Violation v = rejected("offset", () -> gladia.preRecorded().list(request));
    assertEquals("-1", v.value());
    rejected("offset", () -> gladia.preRecorded().listAutoPaging(request));
  }

  @Test
  void theGeneratedListValidatesToo() {
    rejected("limit", () -> gladia.preRecorded().list(null, 0, null, null, null, null, null));
  }

  @Test
  void malformedDayIsRejectedByTheBuilder() {
    Violation v = rejected("date", () -> ListJobsRequest.builder().date("2024-13-01"));
    assertEquals("'2024-13-01'", v.value());
    rejected("date", () -> ListJobsRequest.builder().date("01/02/2024"));
  }

  @Test
  void malformedDateTimesAreRejectedByTheBuilder() {
    rejected("after_date", () -> ListJobsRequest.builder().afterDate("2026-01-01"));
    rejected("before_date", () -> ListJobsRequest.builder().beforeDate("2026-01-01T00:00:00"));
  }

  @Test
  void unknownStatusAndBracketedMetadataKeysAreRejected() {
    rejected("status", () -> ListJobsRequest.builder().statuses(JobStatus.UNKNOWN_DEFAULT_OPEN_API));
    rejected("custom_metadata", () -> ListJobsRequest.builder().putCustomMetadata("a[b]", "c"));
  }

  @Test
  void validBoundsAreSent() {
    gladia.preRecorded().list(ListJobsRequest.builder().offset(0).limit(1).date("2024-02-29").build());
    assertEquals(1, server.getAllServeEvents().size());
  }
}
