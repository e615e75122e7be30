package dev.sttclients.gladia;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.RequestValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated {@code PreRecordedApi.ListParams} (see generator-config/templates/apiParams.mustache). */
class ListParamsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private GladiaClient gladia;

  @BeforeEach
  void setUp() {
    gladia = GladiaClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).build();
    server.stubFor(get(anyUrl()).willReturn(okJson(JobsJson.page("offset=0&limit=2", null, List.of(1)))));
  }

  @AfterEach
  void tearDown() {
    gladia.close();
  }

  private static ListParams full() {
    return ListParams.builder()
        .offset(4)
        .limit(2)
        .date(LocalDate.of(2026, 1, 2))
        .beforeDate(OffsetDateTime.parse("2026-06-01T00:00:00Z"))
        .afterDate(OffsetDateTime.parse("2026-01-01T00:00:00Z"))
        .status(JobStatus.DONE, JobStatus.ERROR)
        .putCustomMetadata("userId", "abc123")
        .putCustomMetadata("team", "x")
        .build();
  }

  @Test
  void unsetParametersAreNullAndLeftOutOfTheRequest() {
    ListParams none = ListParams.builder().build();
    assertNull(none.getOffset());
    assertNull(none.getStatus());
    assertNull(none.getCustomMetadata());

    gladia.preRecorded().list(none);
    assertEquals("/v2/pre-recorded", server.getAllServeEvents().get(0).getRequest().getUrl());
  }

  @Test
  void sendsExactlyWhatThePositionalCallSends() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("userId", "abc123");
    metadata.put("team", "x");
    gladia.preRecorded().list(full());
    gladia.preRecorded().list(4, 2, LocalDate.of(2026, 1, 2), OffsetDateTime.parse("2026-06-01T00:00:00Z"),
        OffsetDateTime.parse("2026-01-01T00:00:00Z"), List.of(JobStatus.DONE, JobStatus.ERROR), metadata);

    String viaParams = server.getAllServeEvents().get(1).getRequest().getUrl(); // newest first
    String positional = server.getAllServeEvents().get(0).getRequest().getUrl();
    assertEquals(positional, viaParams);
    assertTrue(viaParams.contains("offset=4&limit=2&date=2026-01-02&before_date="), viaParams);
    assertTrue(viaParams.endsWith("status=done&status=error"
        + "&custom_metadata=%7B%22userId%22%3A%22abc123%22%2C%22team%22%3A%22x%22%7D"), viaParams);
  }

  /**
   * Gladia's filter is one query value holding a JSON object, any JSON values and nesting allowed
   * (docs.gladia.io, custom metadata: {@code ?custom_metadata={"paymentMethod": {"last4Digits": 4576}, ...}}).
   * The expected bytes are written out by hand: the JSON text, percent-encoded as one query value.
   */
  @Test
  void customMetadataIsOneJsonValueWithNestedAndNonStringValues() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("paymentMethod", Map.of("last4Digits", 4576));
    metadata.put("internalUserName", "Spencer");
    metadata.put("vip", true);
    metadata.put("score", 1.5);
    metadata.put("tags", List.of("a b", "c&d=e"));
    metadata.put("none", null);

    gladia.preRecorded().list(ListParams.builder().customMetadata(metadata).build());

    assertEquals("/v2/pre-recorded?custom_metadata="
            + "%7B%22paymentMethod%22%3A%7B%22last4Digits%22%3A4576%7D"
            + "%2C%22internalUserName%22%3A%22Spencer%22"
            + "%2C%22vip%22%3Atrue"
            + "%2C%22score%22%3A1.5"
            + "%2C%22tags%22%3A%5B%22a%20b%22%2C%22c%26d%3De%22%5D"
            + "%2C%22none%22%3Anull%7D",
        server.getAllServeEvents().get(0).getRequest().getUrl());
  }

  @Test
  void customMetadataThatCannotBeWrittenAsJsonIsRefusedBeforeAnyRequest() {
    Object unwritable = new Object() {
      @SuppressWarnings("unused")
      public String getValue() {
        throw new IllegalStateException("no JSON for you");
      }
    };
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> gladia.preRecorded().list(ListParams.builder().putCustomMetadata("x", unwritable).build()));

    assertEquals("custom_metadata", e.violations().get(0).field());
    assertTrue(e.violations().get(0).rule().startsWith("must be writable as JSON"), e.getMessage());
    assertEquals(0, e.attempts());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void withResponseAndOptionsGoThroughToo() {
    ApiResponse<?> r = gladia.preRecorded().listWithResponse(full(),
        RequestOptions.builder().header("X-Test", "1").build());
    assertEquals(200, r.statusCode());
    assertEquals("1", server.getAllServeEvents().get(0).getRequest().getHeader("X-Test"));
  }

  @Test
  void isImmutableAndCopiesWhatItIsGiven() {
    List<JobStatus> statuses = new ArrayList<>(List.of(JobStatus.DONE));
    Map<String, Object> metadata = new LinkedHashMap<>(Map.of("a", "1"));
    ListParams p = ListParams.builder().status(statuses).customMetadata(metadata).build();

    statuses.add(JobStatus.ERROR);
    metadata.put("b", "2");

    assertEquals(List.of(JobStatus.DONE), p.getStatus());
    assertEquals(Map.of("a", "1"), p.getCustomMetadata());
    assertThrows(UnsupportedOperationException.class, () -> p.getStatus().add(JobStatus.QUEUED));
    assertThrows(UnsupportedOperationException.class, () -> p.getCustomMetadata().put("c", "3"));
  }

  @Test
  void toBuilderCopiesAndLeavesTheOriginalAlone() {
    ListParams p = full();
    ListParams same = p.toBuilder().build();
    ListParams next = p.toBuilder().offset(6).putCustomMetadata("more", "y").build();

    assertEquals(p, same);
    assertEquals(p.hashCode(), same.hashCode());
    assertNotEquals(p, next);
    assertEquals(4, p.getOffset());
    assertEquals(2, p.getCustomMetadata().size());
    assertEquals(6, next.getOffset());
    assertEquals(3, next.getCustomMetadata().size());
    assertEquals(p.getStatus(), next.getStatus());
  }

  @Test
  void varargsAndListSettersAgree() {
    assertEquals(ListParams.builder().status(List.of(JobStatus.DONE, JobStatus.ERROR)).build(),
        ListParams.builder().status(JobStatus.DONE, JobStatus.ERROR).build());
    assertNull(ListParams.builder().status((JobStatus[]) null).build().getStatus());
  }

  @Test
  void toStringNamesEveryParameter() {
    String s = full().toString();
    assertTrue(s.startsWith("ListParams{offset=4, limit=2, date=2026-01-02, "), s);
    assertTrue(s.contains("status=[done, error]"), s);
    assertTrue(s.contains("customMetadata={userId=abc123, team=x}"), s);
  }

  @Test
  void nullParamsAreRefusedBeforeAnyRequest() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> gladia.preRecorded().list((ListParams) null));
    assertEquals("params", e.getMessage());
    assertThrows(NullPointerException.class, () -> gladia.preRecorded().listAutoPaging(null));
    assertEquals(0, server.getAllServeEvents().size());
  }
}
