package dev.sttclients.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.runtime.errors.PaginationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generic pager over a fake cursor API: pages keyed by a cursor string, fetches counted. */
class PagerTest {

  /** cursor -> (items, next cursor or null). */
  private record Api(Map<String, List<Object>> pages, List<String> fetched) {
    Api(Map<String, List<Object>> pages) {
      this(pages, new ArrayList<>());
    }

    Page<Integer> fetch(String cursor) {
      fetched.add(cursor);
      List<Object> p = pages.get(cursor);
      if (p == null) {
        throw new IllegalStateException("no page " + cursor);
      }
      @SuppressWarnings("unchecked")
      List<Integer> items = (List<Integer>) p.get(0);
      String next = (String) p.get(1);
      return new Page<>() {
        @Override
        public List<Integer> items() {
          return items;
        }

        @Override
        public Optional<?> nextPageKey() {
          return Optional.ofNullable(next);
        }

        @Override
        public Page<Integer> nextPage() {
          return fetch(next);
        }

        @Override
        public Optional<?> pageKey() {
          return Optional.of(cursor);
        }
      };
    }

    Pager<Integer> pager() {
      return Pager.of("acme", "listThings", () -> fetch("a"));
    }
  }

  private static List<Object> page(List<Integer> items, String next) {
    List<Object> p = new ArrayList<>();
    p.add(items);
    p.add(next);
    return p;
  }

  @Test
  void iteratesEveryItemOfEveryPageThenStops() {
    Api api = new Api(Map.of("a", page(List.of(1, 2), "b"), "b", page(List.of(), "c"), "c", page(List.of(3), null)));
    List<Integer> all = new ArrayList<>();
    for (int i : api.pager()) {
      all.add(i);
    }
    assertEquals(List.of(1, 2, 3), all, "an empty page in the middle is skipped, not the end");
    assertEquals(List.of("a", "b", "c"), api.fetched());
  }

  @Test
  void isLazyAndRestartable() {
    Api api = new Api(Map.of("a", page(List.of(1), "b"), "b", page(List.of(2), null)));
    Pager<Integer> pager = api.pager();
    assertEquals(List.of(), api.fetched(), "nothing fetched before iterating");

    assertEquals(1, pager.stream().findFirst().orElseThrow());
    assertEquals(List.of("a"), api.fetched());

    assertEquals(List.of(1, 2), pager.stream().toList());
    assertEquals(List.of("a", "a", "b"), api.fetched());
  }

  @Test
  void exhaustedIteratorThrowsNoSuchElement() {
    Api api = new Api(Map.of("a", page(List.of(1), null)));
    Iterator<Integer> it = api.pager().iterator();
    assertEquals(1, it.next());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void aRepeatedKeyEndsPagingInsteadOfLooping() {
    Api api = new Api(Map.of("a", page(List.of(1), "b"), "b", page(List.of(2), "c"), "c", page(List.of(3), "b")));
    List<Integer> seen = new ArrayList<>();
    Iterator<Integer> it = api.pager().iterator();
    PaginationException e = assertThrows(PaginationException.class, () -> {
      while (it.hasNext()) {
        seen.add(it.next());
      }
    });
    assertEquals(List.of(1, 2, 3), seen);
    assertEquals(List.of("a", "b", "c"), api.fetched());
    assertEquals(3, e.pagesFetched());
    assertEquals("acme", e.vendor());
    assertTrue(e.getMessage().startsWith("acme listThings: the next page (b) repeats a page already fetched"),
        e.getMessage());
  }

  @Test
  void aNextPointingAtTheFirstPageIsCaughtThroughItsPageKey() {
    Api api = new Api(Map.of("a", page(List.of(1), "a")));
    assertThrows(PaginationException.class, () -> api.pager().stream().count());
    assertEquals(List.of("a"), api.fetched());
  }

  @Test
  void aFailedFetchCanBeRetriedByAskingAgain() {
    Map<String, List<Object>> pages = new java.util.HashMap<>(Map.of("a", page(List.of(1), "b")));
    Api api = new Api(pages);
    Iterator<Integer> it = api.pager().iterator();
    assertEquals(1, it.next());
    assertThrows(IllegalStateException.class, it::hasNext, "page b does not exist yet");
    pages.put("b", page(List.of(2), null));
    assertTrue(it.hasNext(), "b was not marked as seen by the failed fetch");
    assertEquals(2, it.next());
    assertFalse(it.hasNext());
  }

  @Test
  void pagesAreAvailableForBatches() {
    Api api = new Api(Map.of("a", page(List.of(1, 2), "b"), "b", page(List.of(3), null)));
    List<Integer> sizes = new ArrayList<>();
    for (Page<Integer> p : api.pager().pages()) {
      sizes.add(p.items().size());
    }
    assertEquals(List.of(2, 1), sizes);
  }
}
