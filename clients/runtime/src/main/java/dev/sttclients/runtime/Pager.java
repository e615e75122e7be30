package dev.sttclients.runtime;

import dev.sttclients.runtime.errors.PaginationException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paginated listing, fetched lazily one page at a time: loop over it or stream it.
 *
 * <pre>{@code
 * for (Job job : client.jobs().listAutoPaging(request)) { ... }
 * client.jobs().listAutoPaging(request).stream().filter(...).limit(100).toList();
 * }</pre>
 *
 * <ul>
 *   <li>Nothing is fetched until the first item (or page) is asked for; the next page is fetched only once
 *       every item of the current one has been handed out. Taking the first item costs one request.</li>
 *   <li>Paging ends on the page without a {@link Page#nextPageKey() next page}.</li>
 *   <li>It never loops forever, whatever the server sends: a next page whose key repeats one of the last
 *       {@value #REMEMBERED_KEYS} pages fetched by this traversal, more than {@link #maxEmptyPages()} empty pages in a
 *       row that still point to a next page (default {@value #DEFAULT_MAX_EMPTY_PAGES}), or a listing longer than
 *       {@link #maxPages()} pages (default
 *       {@value #DEFAULT_MAX_PAGES}) end it with a {@link PaginationException}, after the items already handed out.
 *       Its memory does not grow with the number of pages.</li>
 *   <li>Each {@link #iterator()}, {@link #stream()} or {@link #pages()} traversal starts again from the first
 *       page. A Pager can be shared; one traversal must stay on one thread.</li>
 *   <li>HTTP errors surface from {@code hasNext()}/{@code next()} as the operation's usual exceptions.</li>
 * </ul>
 *
 * A vendor supplies only the first-page call and a {@link Page} implementation (its next-page step).
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {
  /** Pages one traversal fetches at most unless {@link #withMaxPages} says otherwise. */
  public static final int DEFAULT_MAX_PAGES = 10_000;
  /** Empty pages in a row (each with a next page) that end a traversal unless {@link #withMaxEmptyPages} says otherwise. */
  public static final int DEFAULT_MAX_EMPTY_PAGES = 50;
  /** How many recent page keys the loop guard remembers. */
  static final int REMEMBERED_KEYS = 1_000;

  private final String vendor;
  private final String operation;
  private final Supplier<? extends Page<T>> firstPage;
  private final int maxPages;
  private final int maxEmptyPages;

  private Pager(String vendor, String operation, Supplier<? extends Page<T>> firstPage, int maxPages,
      int maxEmptyPages) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.firstPage = Objects.requireNonNull(firstPage, "firstPage");
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
    }
    if (maxEmptyPages < 1) {
      throw new IllegalArgumentException("maxEmptyPages must be at least 1, was " + maxEmptyPages);
    }
    this.maxPages = maxPages;
    this.maxEmptyPages = maxEmptyPages;
  }

  /**
   * A pager over the listing that starts with the page {@code firstPage} fetches (called once per traversal,
   * when the first item is asked for).
   *
   * @param vendor vendor name for messages, e.g. {@code gladia}
   * @param operation the list operation, e.g. {@code list}
   */
  public static <T> Pager<T> of(String vendor, String operation, Supplier<? extends Page<T>> firstPage) {
    return new Pager<>(vendor, operation, firstPage, DEFAULT_MAX_PAGES, DEFAULT_MAX_EMPTY_PAGES);
  }

  /** This pager, fetching at most {@code max} pages per traversal (at least 1). */
  public Pager<T> withMaxPages(int max) {
    return new Pager<>(vendor, operation, firstPage, max, maxEmptyPages);
  }

  /** This pager, accepting at most {@code max} empty pages in a row that still point to a next page (at least 1). */
  public Pager<T> withMaxEmptyPages(int max) {
    return new Pager<>(vendor, operation, firstPage, maxPages, max);
  }

  public int maxPages() {
    return maxPages;
  }

  public int maxEmptyPages() {
    return maxEmptyPages;
  }

  /** Every item, page after page. */
  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = new PageIterator();
    return new Iterator<>() {
      private Iterator<T> items = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          items = pages.next().items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  /** Every item as a sequential, ordered stream; pages are fetched as the stream pulls items. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** The pages themselves, fetched one at a time, e.g. to work in batches. */
  public Iterable<Page<T>> pages() {
    return PageIterator::new;
  }

  /** Walks the pages: fetches the first on demand, then follows next-page keys until there is none. */
  private final class PageIterator implements Iterator<Page<T>> {
    /** The most recent page keys, oldest first: a bounded loop guard. */
    private final Set<Object> seen = new LinkedHashSet<>();
    private Page<T> current;
    private int fetched;
    private int emptyInARow;

    @Override
    public boolean hasNext() {
      if (current == null) {
        return true; // the first page always exists (possibly empty)
      }
      Optional<?> key = current.nextPageKey();
      if (key.isEmpty()) {
        return false;
      }
      if (seen.contains(key.get())) {
        throw new PaginationException(vendor, operation, "the next page (" + key.get()
            + ") repeats a page already fetched, following it would loop forever", fetched);
      }
      if (emptyInARow > maxEmptyPages) {
        throw new PaginationException(vendor, operation, emptyInARow + " empty pages in a row still point to a next"
            + " page (the limit is " + maxEmptyPages + ")", fetched);
      }
      if (fetched >= maxPages) {
        throw new PaginationException(vendor, operation, "the listing goes on past " + maxPages + " pages (the"
            + " limit; see Pager.withMaxPages)", fetched);
      }
      return true;
    }

    private void remember(Object key) {
      seen.add(key);
      if (seen.size() > REMEMBERED_KEYS) {
        Iterator<Object> oldest = seen.iterator();
        oldest.next();
        oldest.remove();
      }
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (current == null) {
        current = Objects.requireNonNull(firstPage.get(), "first page");
        current.pageKey().ifPresent(this::remember);
      } else {
        Object key = current.nextPageKey().orElseThrow();
        Page<T> next = Objects.requireNonNull(current.nextPage(), "next page");
        remember(key); // only once fetched: after a failed fetch, asking again retries the same page
        current = next;
      }
      fetched++;
      emptyInARow = current.items().isEmpty() ? emptyInARow + 1 : 0;
      return current;
    }
  }
}
