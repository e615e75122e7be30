package dev.sttclients.runtime.errors;

/**
 * A listing cannot be followed any further: the server's next page repeats a page already fetched (so
 * following it would loop forever), or its next-page pointer cannot be read. Items already returned
 * stay valid; nothing more is fetched.
 */
public class PaginationException extends SttException {
  private final int pagesFetched;

  /**
   * @param pagesFetched pages fetched before stopping; also reported as {@link #attempts()}
   */
  public PaginationException(String vendor, String operation, String problem, int pagesFetched) {
    super(vendor, vendor + " " + operation + ": " + problem + "; stopped after " + pagesFetched
        + (pagesFetched == 1 ? " page" : " pages"), pagesFetched, null);
    this.pagesFetched = pagesFetched;
  }

  /** How many pages were fetched before paging stopped. */
  public int pagesFetched() {
    return pagesFetched;
  }
}
