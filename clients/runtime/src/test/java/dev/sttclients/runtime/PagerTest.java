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
    PaginationException e = assertThrows(PaginationException.class, () -> api.pager().stream().count());
    assertTrue(e.getMessage().endsWith("; stopped after 1 page"), e.getMessage());
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

  /** An endless listing: page n points to page n+1; pages are empty when {@code empty} says so. */
  private static Pager<Integer> endless(java.util.function.IntPredicate empty, List<Integer> fetched) {
    class P implements Page<Integer> {
      final int n;

      P(int n) {
        this.n = n;
        fetched.add(n);
      }

      @Override
      public List<Integer> items() {
        return empty.test(n) ? List.of() : List.of(n);
      }

      @Override
      public Optional<?> nextPageKey() {
        return Optional.of(n + 1);
      }

      @Override
      public Page<Integer> nextPage() {
        return new P(n + 1);
      }
    }
    return Pager.of("acme", "listThings", () -> new P(0));
  }

  @Test
  void endlessEmptyPagesEndAfterTheLimit() {
    List<Integer> fetched = new ArrayList<>();
    Pager<Integer> pager = endless(n -> true, fetched);
    assertEquals(Pager.DEFAULT_MAX_EMPTY_PAGES, pager.maxEmptyPages());
    PaginationException e = assertThrows(PaginationException.class, () -> pager.iterator().hasNext());
    assertEquals(51, fetched.size());
    assertEquals(51, e.pagesFetched());
    assertEquals("acme listThings: 51 empty pages in a row still point to a next page (the limit is 50); stopped after"
        + " 51 pages", e.getMessage());
  }

  @Test
  void emptyPagesBetweenFullOnesOnlyCountInARow() {
    List<Integer> fetched = new ArrayList<>();
    // pages 0..99: every third has an item; the rest are empty (2 in a row at most)
    List<Integer> items = endless(n -> n % 3 != 0, fetched).withMaxEmptyPages(2).withMaxPages(100).stream()
        .limit(30).toList();
    assertEquals(30, items.size());
    assertEquals(88, fetched.size());
    fetched.clear();
    assertThrows(PaginationException.class, () -> endless(n -> n % 4 != 0, fetched).withMaxEmptyPages(2)
        .stream().limit(30).toList());
    assertEquals(4, fetched.size());
  }

  @Test
  void anEndlessListingEndsAtThePageCap() {
    List<Integer> fetched = new ArrayList<>();
    Pager<Integer> pager = endless(n -> false, fetched).withMaxPages(5);
    assertEquals(5, pager.maxPages());
    List<Integer> seen = new ArrayList<>();
    PaginationException e = assertThrows(PaginationException.class, () -> pager.forEach(seen::add));
    assertEquals(List.of(0, 1, 2, 3, 4), seen);
    assertEquals(5, e.pagesFetched());
    assertEquals("acme listThings: the listing goes on past 5 pages (the limit; see Pager.withMaxPages); stopped after"
        + " 5 pages", e.getMessage());
    assertEquals(Pager.DEFAULT_MAX_PAGES, Pager.of("a", "b", () -> null).maxPages());
  }

  @Test
  void aListingOfExactlyTheCapIsFine() {
    Api api = new Api(Map.of("a", page(List.of(1), "b"), "b", page(List.of(2), null)));
    assertEquals(List.of(1, 2), api.pager().withMaxPages(2).stream().toList());
    assertThrows(PaginationException.class, () -> api.pager().withMaxPages(1).stream().toList());
  }

  @Test
  void limitsMustBePositive() {
    Pager<Integer> p = Pager.of("a", "b", () -> null);
    assertEquals("maxPages must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> p.withMaxPages(0)).getMessage());
    assertEquals("maxEmptyPages must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> p.withMaxEmptyPages(0)).getMessage());
    assertEquals(1, p.withMaxEmptyPages(1).maxEmptyPages());
  }

  /** The loop guard remembers the last 1 000 keys only: a longer cycle is ended by the page cap instead. */
  @Test
  void theLoopGuardIsBoundedAndStillCatchesRecentRepeats() {
    int cycle = Pager.REMEMBERED_KEYS;
    List<Integer> fetched = new ArrayList<>();
    class C implements Page<Integer> {
      final int n;

      C(int n) {
        this.n = n;
        fetched.add(n);
      }

      @Override
      public List<Integer> items() {
        return List.of(n);
      }

      @Override
      public Optional<?> nextPageKey() {
        return Optional.of((n + 1) % cycle);
      }

      @Override
      public Page<Integer> nextPage() {
        return new C((n + 1) % cycle);
      }

      @Override
      public Optional<?> pageKey() {
        return Optional.of(n);
      }
    }
    PaginationException caught = assertThrows(PaginationException.class,
        () -> Pager.of("a", "b", () -> new C(0)).stream().count());
    assertEquals(cycle, fetched.size(), "a cycle of " + cycle + " pages is caught when it closes");
    assertTrue(caught.getMessage().contains("repeats a page already fetched"), caught.getMessage());
    fetched.clear();
    int longer = cycle + 1;
    class D extends C {
      D(int n) {
        super(n);
      }

      @Override
      public Optional<?> nextPageKey() {
        return Optional.of((n + 1) % longer);
      }

      @Override
      public Page<Integer> nextPage() {
        return new D((n + 1) % longer);
      }
    }
    PaginationException capped = assertThrows(PaginationException.class,
        () -> Pager.of("a", "b", () -> new D(0)).withMaxPages(3 * longer).stream().count());
    assertEquals(3 * longer, fetched.size(), "a longer cycle runs until the page cap");
    assertTrue(capped.getMessage().contains("past " + 3 * longer + " pages"), capped.getMessage());
  }
}
