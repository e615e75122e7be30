package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.api.PreRecordedApi.ListParams;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.Pager;
import dev.sttclients.runtime.errors.PaginationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A listing server cannot keep the pager going forever: endless empty pages and an endless listing, through
 * Gladia's auto-paging (its next step is the vendor's; the limits are the
 * runtime {@link Pager}'s).
 */
class PagingLimitsTest {
  private static final Duration NO_HANG = Duration.ofSeconds(30);
  private static final String API = "https://api.gladia.io/v2/pre-recorded";
  private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");
  private final Harness h = new Harness();

  private static int offset(String head) {
    Matcher m = OFFSET.matcher(head.substring(0, head.indexOf('\r')));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String page(int offset, String nextQuery, boolean withItem) {
    return "{\"first\":\"" + API + "?offset=0&limit=1\",\"current\":\"" + API + "?offset=" + offset + "&limit=1\","
        + "\"next\":" + (nextQuery == null ? "null" : "\"" + API + "?" + nextQuery + "\"") + ",\"items\":["
        + (withItem ? JOB_JSON : "") + "]}";
  }

  @Test
  void endlessEmptyPagesEndWithATypedException() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      int at = offset(head);
      RawServer.respond(s, 200, "application/json", page(at, "offset=" + (at + 1) + "&limit=1", false));
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      Pager<PreRecordedJob> jobs = c.preRecorded().listAutoPaging(ListParams.builder().limit(1).build());
      PaginationException e = assertTimeoutPreemptively(NO_HANG,
          () -> fails(PaginationException.class, () -> jobs.iterator().hasNext()));
      assertEquals(Pager.DEFAULT_MAX_EMPTY_PAGES + 1, e.pagesFetched());
      assertEquals(Pager.DEFAULT_MAX_EMPTY_PAGES + 1, server.requests());
      assertTrue(e.getMessage().contains("51 empty pages in a row"), e.getMessage());
    }
  }

  @Test
  void anEndlessListingStopsAtThePageCap() throws Exception {
    try (RawServer server = new RawServer((n, head, s) -> {
      int at = offset(head);
      RawServer.respond(s, 200, "application/json", page(at, "offset=" + (at + 1) + "&limit=1", true));
    }); GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      Pager<PreRecordedJob> jobs = c.preRecorded().listAutoPaging(ListParams.builder().limit(1).build())
          .withMaxPages(30);
      List<PreRecordedJob> seen = new ArrayList<>();
      PaginationException e = assertTimeoutPreemptively(NO_HANG,
          () -> fails(PaginationException.class, () -> jobs.forEach(seen::add)));
      assertEquals(30, seen.size(), "the items before the cap are handed out");
      assertEquals(30, e.pagesFetched());
      assertEquals(30, server.requests());
      assertTrue(e.getMessage().contains("past 30 pages"), e.getMessage());
    }
  }
}
