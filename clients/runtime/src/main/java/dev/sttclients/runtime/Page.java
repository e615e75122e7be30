package dev.sttclients.runtime;

import java.util.List;
import java.util.Optional;

/**
 * One page of a paginated listing, as a {@link Pager} sees it. A vendor implements this once per
 * paginated operation, around the generated page model: the page's items, what identifies the next
 * page, and how to fetch it. Everything else (iteration, streams, laziness, loop detection) is the
 * {@link Pager}'s.
 *
 * @param <T> the item type
 */
public interface Page<T> {

  /** This page's items in the order the server sent them; never null, possibly empty. */
  List<T> items();

  /**
   * What identifies the next page: a cursor, an offset, the parameters of the next request. Empty on
   * the last page. Keys are compared with {@code equals}: two equal keys name the same page, so a key
   * should hold exactly what the next request is built from.
   */
  Optional<?> nextPageKey();

  /** Fetches the page that {@link #nextPageKey()} names. The pager calls it only when that key is present. */
  Page<T> nextPage();

  /**
   * What identifies this page, in the same terms as {@link #nextPageKey()}, when known. The pager uses it
   * for the first page, so that a next page pointing back at the first one is caught too.
   */
  default Optional<?> pageKey() {
    return Optional.empty();
  }
}
