package dev.sttclients.gladia;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.Page;
import dev.sttclients.runtime.Pager;
import dev.sttclients.runtime.errors.PaginationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Auto-paging against a local server whose pages link to Gladia's public host, as the real API does: the client
 * must derive each next request from the link and send it to the configured base URL.
 */
class JobPagingTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private GladiaClient gladia;

  /** The filters every page request must carry, and a window of 2 jobs per page. */
  private static final ListParams FILTERED = ListParams.builder()
      .limit(2)
      .status(JobStatus.DONE, JobStatus.ERROR)
      .afterDate(OffsetDateTime.parse("2026-01-01T00:00:00Z"))
      .date(LocalDate.of(2026, 1, 2))
      .putCustomMetadata("userId", "abc123")
      .build();

  @BeforeEach
  void setUp() {
    gladia = GladiaClient.builder().apiKey("test-key").baseUrl(server.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    gladia.close();
  }

  /** Page 1 (offset absent) -> offset 2 -> offset 4 (last). */
  private void stubThreePages() {
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", absent())
        .willReturn(okJson(JobsJson.page("offset=0&limit=2", "offset=2&limit=2", List.of(1, 2)))));
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", equalTo("2"))
        .willReturn(okJson(JobsJson.page("offset=2&limit=2", "offset=4&limit=2", List.of(3, 4)))));
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", equalTo("4"))
        .willReturn(okJson(JobsJson.page("offset=4&limit=2", null, List.of(5)))));
  }

  /** Requests the server received, oldest first. */
  private static List<LoggedRequest> requests() {
    List<LoggedRequest> out = new ArrayList<>();
    for (ServeEvent e : server.getAllServeEvents()) {
      out.add(0, e.getRequest());
    }
    return out;
  }

  @Test
  void followsNextThroughThreePagesInOrderAndStopsAtNullNext() {
    stubThreePages();

    List<String> ids = new ArrayList<>();
    for (PreRecordedJob job : gladia.preRecorded().listAutoPaging(FILTERED)) {
      ids.add(job.getId().toString());
    }

    assertEquals(IntStream.rangeClosed(1, 5).mapToObj(JobsJson::jobId).toList(), ids);
    List<LoggedRequest> requests = requests();
    assertEquals(3, requests.size(), "exactly one request per page");
    assertEquals(List.of("/v2/pre-recorded"), requests.stream().map(r -> r.getUrl().split("\\?")[0]).distinct()
        .toList(), "every page went to the configured base URL, not to the host in next");
    assertFalse(requests.get(0).queryParameter("offset").isPresent(), "page 1 sends no offset");
    assertEquals("2", requests.get(1).queryParameter("offset").firstValue());
    assertEquals("4", requests.get(2).queryParameter("offset").firstValue());
    for (LoggedRequest r : requests) {
      String url = r.getUrl();
      assertEquals("test-key", r.getHeader("x-gladia-key"));
      assertEquals("2", r.queryParameter("limit").firstValue(), url);
      assertTrue(url.contains("status=done&status=error"), "status exploded: " + url);
      assertTrue(url.contains("custom_metadata=%7B%22userId%22%3A%22abc123%22%7D"), "custom_metadata as JSON: " + url);
      assertTrue(url.contains("after_date=2026-01-01T00%3A00%3A00Z"), "RFC 3339 date-time with seconds: " + url);
      assertTrue(url.contains("date=2026-01-02"), url);
    }
  }

  @Test
  void streamAndPagesSeeTheSameListing() {
    stubThreePages();
    Pager<PreRecordedJob> jobs = gladia.preRecorded().listAutoPaging(FILTERED);

    assertEquals(5, jobs.stream().count());
    List<Integer> sizes = new ArrayList<>();
    for (Page<PreRecordedJob> page : jobs.pages()) {
      sizes.add(page.items().size());
    }
    assertEquals(List.of(2, 2, 1), sizes);
    assertEquals(6, requests().size(), "each traversal starts again from the first page");
  }

  @Test
  void nothingIsSentUntilTheFirstItemIsAskedFor() {
    stubThreePages();
    gladia.preRecorded().listAutoPaging(FILTERED);
    assertEquals(0, requests().size());
  }

  @Test
  void takingTheFirstItemFetchesOnlyTheFirstPage() {
    stubThreePages();
    Pager<PreRecordedJob> jobs = gladia.preRecorded().listAutoPaging(FILTERED);

    Iterator<PreRecordedJob> it = jobs.iterator();
    assertTrue(it.hasNext());
    assertEquals(JobsJson.jobId(1), it.next().getId().toString());
    assertEquals(1, requests().size());

    assertEquals(JobsJson.jobId(1), jobs.stream().findFirst().orElseThrow().getId().toString());
    assertEquals(2, requests().size(), "one more traversal, one more page");

    assertEquals(3, jobs.stream().limit(3).count());
    assertEquals(4, requests().size(), "three items are on the first two pages");
  }

  @Test
  void aNextThatRepeatsAPageAlreadyFetchedEndsWithAnError() {
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", absent())
        .willReturn(okJson(JobsJson.page("offset=0&limit=2", "offset=2&limit=2", List.of(1, 2)))));
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", equalTo("2"))
        .willReturn(okJson(JobsJson.page("offset=2&limit=2", "offset=2&limit=2", List.of(3, 4)))));

    List<String> seen = new ArrayList<>();
    PaginationException e = assertThrows(PaginationException.class, () -> {
      for (PreRecordedJob job : gladia.preRecorded().listAutoPaging(FILTERED)) {
        seen.add(job.getId().toString());
      }
    });

    assertEquals(List.of(JobsJson.jobId(1), JobsJson.jobId(2), JobsJson.jobId(3), JobsJson.jobId(4)), seen,
        "the items before the loop are handed out");
    assertEquals(2, requests().size());
    assertEquals(2, e.pagesFetched());
    assertTrue(e.getMessage().contains("offset=2, limit=2"), e.getMessage());
    assertTrue(e.getMessage().startsWith("gladia list:"), e.getMessage());
  }

  @Test
  void aNextThatPointsBackAtTheFirstPageEndsWithAnError() {
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", absent())
        .willReturn(okJson(JobsJson.page("offset=0&limit=2", "offset=2&limit=2", List.of(1, 2)))));
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded")).withQueryParam("offset", equalTo("2"))
        .willReturn(okJson(JobsJson.page("offset=2&limit=2", "offset=0&limit=2", List.of(3)))));

    Pager<PreRecordedJob> jobs = gladia.preRecorded().listAutoPaging(FILTERED);
    assertThrows(PaginationException.class, () -> jobs.stream().count());
    assertEquals(2, requests().size());
  }

  @Test
  void aNextWithoutAnOffsetEndsWithAnError() {
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded"))
        .willReturn(okJson(JobsJson.page("offset=0&limit=2", "limit=2", List.of(1, 2)))));

    Iterator<PreRecordedJob> it = gladia.preRecorded().listAutoPaging(FILTERED).iterator();
    it.next();
    it.next();
    PaginationException e = assertThrows(PaginationException.class, it::hasNext);
    assertTrue(e.getMessage().contains("no usable offset"), e.getMessage());
    assertEquals(1, requests().size());
  }

  @Test
  void singlePageListIsTyped() {
    stubThreePages();
    JobPage page = gladia.preRecorded().list(FILTERED);

    assertEquals(2, page.getItems().size());
    assertEquals(JobStatus.DONE, page.getItems().get(0).getStatus());
    assertEquals(JobsJson.API + "?status=done&offset=2&limit=2", page.getNext().toString());
    assertEquals(1, requests().size());
  }

  @Test
  void lastPageWithNullNextPassesStrictResponseValidation() {
    // "next" is required and nullable: null is valid, so strict mode must not reject the last page.
    server.stubFor(get(urlPathEqualTo("/v2/pre-recorded"))
        .willReturn(okJson(JobsJson.page("offset=0&limit=2", null, List.of(1)))));
    try (GladiaClient strict = GladiaClient.builder().apiKey("test-key").baseUrl(server.baseUrl())
        .strictResponseValidation(true).build()) {
      JobPage page = strict.preRecorded().list(ListParams.builder().build());
      assertNull(page.getNext());
      assertFalse(page.getItems().isEmpty());
      assertEquals(1, strict.preRecorded().listAutoPaging(ListParams.builder().build()).stream().count());
    }
  }
}
