package dev.sttclients.gladia;

import dev.sttclients.gladia.api.PreRecordedApi;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.Page;
import dev.sttclients.runtime.Pager;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.PaginationException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Gladia's pre-recorded jobs: every generated operation of {@link PreRecordedApi} ({@code get}, {@code list},
 * {@code getFile}, {@code delete}, each also with {@code RequestOptions} and as {@code ...WithResponse}), plus a
 * typed list request, auto-paging and download to a file.
 *
 * <pre>{@code
 * PreRecordedJobs jobs = gladia.preRecorded();
 * JobPage page = jobs.list(ListJobsRequest.builder().limit(50).statuses(JobStatus.DONE).build());
 * for (PreRecordedJob job : jobs.listAutoPaging(ListJobsRequest.builder().statuses(JobStatus.DONE).build())) { ... }
 * jobs.getFile(jobId, Path.of("meeting.wav"));
 * jobs.delete(jobId);   // 403 PermissionDeniedException while processing, 404 NotFoundException when gone
 * }</pre>
 *
 * <h2>How auto-paging follows {@code next}</h2>
 * Each page's {@code next} is the URL of the next page. The pager does not request that URL as it is: it reads
 * the {@code offset} and {@code limit} query values from it and sends the next request through the generated
 * {@code list} operation, with the filters of the original {@link ListJobsRequest}. Because:
 * <ul>
 *   <li>the URL names Gladia's public host, while the client may be configured with another base URL (a mock
 *       server, a proxy, a regional endpoint): the next page must go where the first one went;</li>
 *   <li>the API key is only ever sent to the configured host, so following a URL to another host would go
 *       unauthenticated (or, were that check absent, leak the key);</li>
 *   <li>every page then gets the same validation, retries, error mapping and typed parsing as a single
 *       {@code list} call, and the filters cannot be dropped or widened by a {@code next} that omits them.</li>
 * </ul>
 * A page key is the (offset, limit) pair the next request is built from, so a {@code next} that repeats a page
 * already fetched ends paging with a {@link PaginationException} instead of looping; so does a {@code next}
 * without a readable {@code offset}.
 *
 * <p>Thread-safe; obtain it from {@link GladiaClient#preRecorded()}.
 */
public class PreRecordedJobs extends PreRecordedApi {
  private static final String VENDOR = "gladia";
  /** The spec's names of the generated {@code listWithResponse} parameters, in order. */
  private static final String[] LIST_WIRE_NAMES =
      {"offset", "limit", "date", "before_date", "after_date", "status", "custom_metadata", "requestOptions"};

  private final ClientRuntime runtime;

  PreRecordedJobs(ClientRuntime runtime) {
    super(runtime);
    this.runtime = runtime;
  }

  /** The first page of all jobs, with the server's default window (offset 0, limit 20). */
  public JobPage list() {
    return list(ListJobsRequest.builder().build());
  }

  /**
   * One page of jobs: {@code GET /v2/pre-recorded} with the request's window and filters.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException e.g. {@code limit} 0 or a negative
   *     {@code offset}, naming the parameter; nothing is sent
   */
  public JobPage list(ListJobsRequest request) {
    return list(request, RequestOptions.none());
  }

  /** As {@link #list(ListJobsRequest)}, with per-call options. */
  public JobPage list(ListJobsRequest request, RequestOptions requestOptions) {
    return listWithResponse(request, requestOptions).body();
  }

  /** As {@link #list(ListJobsRequest)}, with the status, headers and request id. */
  public ApiResponse<JobPage> listWithResponse(ListJobsRequest request, RequestOptions requestOptions) {
    Objects.requireNonNull(request, "request");
    return listWithResponse(request.offsetOrNull(), request.limitOrNull(), request.dateOrNull(),
        request.beforeDateOrNull(), request.afterDateOrNull(), request.statusesOrNull(),
        request.customMetadataOrNull(), requestOptions);
  }

  /** Every job, page after page (see {@link #listAutoPaging(ListJobsRequest)}). */
  public Pager<PreRecordedJob> listAutoPaging() {
    return listAutoPaging(ListJobsRequest.builder().build());
  }

  /**
   * Every job matching the request, starting at its offset, fetched lazily one page of {@code limit} jobs at a
   * time: use it in a for-each loop or as a {@link Pager#stream() stream}. Nothing is sent until the first item
   * is asked for; each traversal starts again from the first page. See the class comment for how {@code next}
   * is followed.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException right away (not when iterating) when the
   *     request breaks the spec, naming the parameter
   */
  public Pager<PreRecordedJob> listAutoPaging(ListJobsRequest request) {
    return listAutoPaging(request, RequestOptions.none());
  }

  /** As {@link #listAutoPaging(ListJobsRequest)}; every page request uses these options. */
  public Pager<PreRecordedJob> listAutoPaging(ListJobsRequest request, RequestOptions requestOptions) {
    Objects.requireNonNull(request, "request");
    RequestOptions options = requestOptions == null ? RequestOptions.none() : requestOptions;
    // Fail fast: the same check the generated list call makes before sending, done now rather than on the
    // first hasNext().
    runtime.validate(this, "list", "listWithResponse", LIST_WIRE_NAMES, request.offsetOrNull(),
        request.limitOrNull(), request.dateOrNull(), request.beforeDateOrNull(), request.afterDateOrNull(),
        request.statusesOrNull(), request.customMetadataOrNull(), options);
    return Pager.of(VENDOR, "list", () -> new JobsPage(request, list(request, options), options, 1));
  }

  /**
   * Downloads the original audio of a job to {@code target} (replaced if it exists), streaming from the
   * connection; the file appears complete or not at all. For the file name and content type, use
   * {@link #getFile(String)}, which returns them with the stream.
   *
   * @return the number of bytes written
   * @throws java.io.UncheckedIOException if writing the file or reading the body fails
   */
  public long getFile(String id, Path target) {
    return getFile(id, target, RequestOptions.none());
  }

  /** As {@link #getFile(String, Path)}, with per-call options. */
  public long getFile(String id, Path target, RequestOptions requestOptions) {
    Objects.requireNonNull(target, "target");
    BinaryResponse audio = getFile(id, requestOptions == null ? RequestOptions.none() : requestOptions);
    return audio.writeTo(target); // closes the response
  }

  /** The (offset, limit) a page request is built from: what identifies a page of one listing. */
  record Window(int offset, Integer limit) {
    @Override
    public String toString() {
      return "offset=" + offset + (limit == null ? "" : ", limit=" + limit);
    }
  }

  /** A fetched page and the step to the next one. */
  private final class JobsPage implements Page<PreRecordedJob> {
    private final ListJobsRequest request;
    private final JobPage page;
    private final RequestOptions options;
    private final int number;

    JobsPage(ListJobsRequest request, JobPage page, RequestOptions options, int number) {
      this.request = request;
      this.page = page;
      this.options = options;
      this.number = number;
    }

    @Override
    public List<PreRecordedJob> items() {
      return page.getItems() == null ? List.of() : page.getItems();
    }

    @Override
    public Optional<Window> nextPageKey() {
      URI next = page.getNext();
      if (next == null) {
        return Optional.empty();
      }
      Integer offset = intQueryValue(next, "offset");
      if (offset == null || offset < 0) {
        throw new PaginationException(VENDOR, "list",
            "the next page URL has no usable offset (" + next + ")", number);
      }
      Integer limit = intQueryValue(next, "limit");
      return Optional.of(new Window(offset, limit != null ? limit : request.limitOrNull()));
    }

    @Override
    public Optional<Window> pageKey() {
      Integer offset = page.getCurrent() == null ? null : intQueryValue(page.getCurrent(), "offset");
      Integer limit = page.getCurrent() == null ? null : intQueryValue(page.getCurrent(), "limit");
      return Optional.of(new Window(
          offset != null ? offset : request.offsetOrNull() != null ? request.offsetOrNull() : 0,
          limit != null ? limit : request.limitOrNull()));
    }

    @Override
    public Page<PreRecordedJob> nextPage() {
      Window window = nextPageKey().orElseThrow();
      ListJobsRequest nextRequest = request.toBuilder().offset(window.offset()).limit(window.limit()).build();
      return new JobsPage(nextRequest, list(nextRequest, options), options, number + 1);
    }
  }

  /** The first value of a query parameter of {@code url} as an int, or null when absent or not an int. */
  static Integer intQueryValue(URI url, String name) {
    String query = url.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        try {
          return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
