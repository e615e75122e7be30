package dev.sttclients.gladia;

import dev.sttclients.gladia.api.PreRecordedApi;
import dev.sttclients.gladia.model.AudioUploadResponse;
import dev.sttclients.gladia.model.InitTranscriptionRequest;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.Page;
import dev.sttclients.runtime.Pager;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.PaginationException;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobResource;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.URIBuilder;

/**
 * Gladia's pre-recorded jobs: every generated operation of {@link PreRecordedApi} ({@code upload},
 * {@code uploadFromUrl}, {@code create}, {@code get}, {@code list}, {@code getFile}, {@code delete}, each also with
 * {@code RequestOptions} and as {@code ...WithResponse}; {@code list} also with a
 * {@link PreRecordedApi.ListParams ListParams} object), plus uploading a file by its path, auto-paging and waiting
 * for a job ({@link JobResource}: {@code waitUntilDone}, {@code waitUntilDoneAsync}).
 *
 * <pre>{@code
 * PreRecordedJobs jobs = gladia.preRecorded();
 * URI audio = jobs.upload(Path.of("meeting.wav")).getAudioUrl();          // streamed, checked before sending
 * UUID id = jobs.create(new InitTranscriptionRequest().audioUrl(audio).diarization(true)).getId();
 * PreRecordedJob job = jobs.waitUntilDone(id.toString());
 * ListParams done = ListParams.builder().limit(50).status(JobStatus.DONE).build();
 * JobPage page = jobs.list(done);
 * for (PreRecordedJob job : jobs.listAutoPaging(done)) { ... }
 * jobs.getFile(jobId).writeTo(Path.of("meeting.wav"));
 * jobs.delete(jobId);   // 403 PermissionDeniedException while processing, 404 NotFoundException when gone
 * PreRecordedJob done = jobs.waitUntilDone(jobId);   // "error" -> JobFailedException carrying the job
 * }</pre>
 *
 * <h2>How auto-paging follows {@code next}</h2>
 * Each page's {@code next} is the URL of the next page. The pager does not request that URL as it is: it reads
 * the {@code offset} and {@code limit} query values from it and sends the next request through the generated
 * {@code list} operation, with the filters of the original {@code ListParams}. Because:
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
public class PreRecordedJobs extends PreRecordedApi implements JobResource<String, PreRecordedJob> {
  /**
   * A Gladia job in the shared vocabulary: states from the spec's {@code x-job-states} (queued, processing, done,
   * error); the failure message is the job's {@code error_code} (the only failure detail Gladia documents).
   */
  static final JobDescriptor<PreRecordedJob> JOB = JobDescriptor.builder("gladia", PreRecordedJob.class)
      .status("status", PreRecordedJob::getStatus)
      .id(job -> job.getId() == null ? null : job.getId().toString())
      .createdAt(PreRecordedJob::getCreatedAt)
      .completedAt(PreRecordedJob::getCompletedAt)
      .failureMessage(job -> job.getErrorCode() == null ? null : "error_code " + job.getErrorCode())
      .build();

  private final ClientRuntime runtime;

  PreRecordedJobs(ClientRuntime runtime) {
    super(runtime);
    this.runtime = runtime;
  }

  @Override
  public JobDescriptor<PreRecordedJob> jobDescriptor() {
    return JOB;
  }

  /**
   * Uploads a local audio or video file ({@code POST /v2/upload}): streamed from disk, never read into memory;
   * missing, unreadable or larger than Gladia's documented 1000 MB fails before sending with a
   * {@link dev.sttclients.runtime.errors.RequestValidationException}. Give the answer's {@code audio_url} to
   * {@link #create}. Never sent twice. For a stream, a content type or a higher limit of your plan, pass a
   * {@link BinaryBody} to {@link #upload(BinaryBody)}.
   */
  public AudioUploadResponse upload(Path audio) {
    return upload(BinaryBody.of(audio));
  }

  /**
   * Checks a {@code create} request against the spec, as {@link #create} does first, and sends nothing.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException naming each offending field
   */
  public void validateCreate(InitTranscriptionRequest request) {
    checkCreate(request);
  }

  /** One poll: {@link #getWithResponse(String, RequestOptions)}. */
  @Override
  public ApiResponse<PreRecordedJob> fetchJob(String jobId, RequestOptions options) {
    return getWithResponse(jobId, options);
  }

  /**
   * Every job matching {@code params}, starting at its offset, fetched lazily one page of {@code limit} jobs at a
   * time: use it in a for-each loop or as a {@link Pager#stream() stream}. Nothing is sent until the first item
   * is asked for; each traversal starts again from the first page. See the class comment for how {@code next}
   * is followed.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException right away (not when iterating) when
   *     {@code params} break the spec, naming the parameter
   */
  public Pager<PreRecordedJob> listAutoPaging(ListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** As {@link #listAutoPaging(ListParams)}; every page request uses these options. */
  public Pager<PreRecordedJob> listAutoPaging(ListParams params, RequestOptions requestOptions) {
    validateList(params); // now, rather than on the first hasNext()
    return Pager.of(GladiaClient.PROFILE.name(), "list", () -> new JobsPage(params, list(params, requestOptions), requestOptions, 1));
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
    private final ListParams params;
    private final JobPage page;
    private final RequestOptions options;
    private final int number;

    JobsPage(ListParams params, JobPage page, RequestOptions options, int number) {
      this.params = params;
      this.page = page;
      this.options = options;
      this.number = number;
    }

    @Override
    public List<PreRecordedJob> items() {
      return page.getItems() == null ? List.of() : page.getItems();
    }

    /** The next page's key, read from {@code next} once (the pager asks for it more than once). */
    private Optional<Window> nextKey;

    @Override
    public Optional<Window> nextPageKey() {
      Optional<Window> key = nextKey;
      if (key == null) {
        nextKey = key = readNextKey();
      }
      return key;
    }

    private Optional<Window> readNextKey() {
      URI next = page.getNext();
      if (next == null) {
        return Optional.empty();
      }
      List<NameValuePair> query = new URIBuilder(next).getQueryParams();
      Integer offset = intValue(query, "offset");
      if (offset == null || offset < 0) {
        throw new PaginationException(GladiaClient.PROFILE.name(), "list", "the next page URL has no usable offset (" + next + ")",
            number);
      }
      Integer limit = intValue(query, "limit");
      return Optional.of(new Window(offset, limit != null ? limit : params.getLimit()));
    }

    @Override
    public Optional<Window> pageKey() {
      URI current = page.getCurrent();
      List<NameValuePair> query = current == null ? List.of() : new URIBuilder(current).getQueryParams();
      Integer offset = intValue(query, "offset");
      Integer limit = intValue(query, "limit");
      return Optional.of(new Window(
          offset != null ? offset : params.getOffset() != null ? params.getOffset() : 0,
          limit != null ? limit : params.getLimit()));
    }

    @Override
    public Page<PreRecordedJob> nextPage() {
      Window window = nextPageKey().orElseThrow();
      ListParams nextParams = params.toBuilder().offset(window.offset()).limit(window.limit()).build();
      return new JobsPage(nextParams, list(nextParams, options), options, number + 1);
    }
  }

  /**
   * The first value of a query parameter of {@code url} as an int, or null when absent or not an int. The query is
   * read with HttpCore's URI parser (RFC 3986 percent-decoding: a {@code +} is a plus, not a space).
   */
  static Integer intQueryValue(URI url, String name) {
    return intValue(new URIBuilder(url).getQueryParams(), name);
  }

  private static Integer intValue(List<NameValuePair> query, String name) {
    for (NameValuePair p : query) {
      if (p.getName().equals(name)) {
        try {
          return p.getValue() == null ? null : Integer.valueOf(p.getValue().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
