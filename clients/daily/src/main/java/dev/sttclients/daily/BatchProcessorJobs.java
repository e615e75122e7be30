package dev.sttclients.daily;

import dev.sttclients.daily.api.BatchProcessorApi;
import dev.sttclients.daily.model.AccessLink;
import dev.sttclients.daily.model.BatchProcessorAccessLinks;
import dev.sttclients.daily.model.BatchProcessorInParams;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.daily.model.BatchProcessorJobList;
import dev.sttclients.daily.model.BatchProcessorJobSummary;
import dev.sttclients.daily.model.BatchProcessorOutParams;
import dev.sttclients.daily.model.BatchProcessorPreset;
import dev.sttclients.daily.model.BatchProcessorSourceType;
import dev.sttclients.daily.model.OutputS3Config;
import dev.sttclients.daily.model.SubmitJobRequest;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.Page;
import dev.sttclients.runtime.Pager;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobResource;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Daily's batch processor jobs: every generated operation of {@link BatchProcessorApi} ({@code submit}, {@code list},
 * {@code get}, {@code getAccessLinks}, {@code delete}, each also with {@code RequestOptions} and as
 * {@code ...WithResponse}; {@code list} also with a {@link BatchProcessorApi.ListParams ListParams} object), plus
 * auto-paging, waiting for a job ({@link JobResource}) and the job's output files.
 *
 * <pre>{@code
 * BatchProcessorJobs jobs = daily.batchProcessor();
 * String id = jobs.submit(BatchProcessorJobs.transcriptRequest(URI.create("https://example.com/a.mp4"))).getId();
 * BatchProcessorJob done = jobs.waitUntilDone(id);          // "error" -> JobFailedException carrying the job
 * String text = jobs.transcript(id);                        // access link -> the txt file, from S3, no API key sent
 * for (BatchProcessorJobSummary j : jobs.listAutoPaging(ListParams.builder().build())) { ... }
 * jobs.delete(id);
 * }</pre>
 *
 * <h2>Output files</h2>
 * {@link #getAccessLinks} answers with links on another host (S3). {@link #openOutput} and {@link #transcript} fetch
 * them through the client's runtime (timeouts, retries, typed errors) but never send the API key there, whatever the
 * link's host; a link's query (its signature) never appears in a message or log line. Daily answers 400
 * ({@code BadRequestException}) for the links of a job that is not finished.
 *
 * <h2>How auto-paging pages</h2>
 * Daily's lists are newest first, at most {@code limit} (default and maximum 100) jobs a page, with Stripe-style
 * cursors and no "has more" flag. The pager asks for the next page with {@code starting_after} = the last job's id;
 * when the first request walks backwards ({@code ending_before}, e.g. {@code OLDEST}), it keeps doing so with
 * {@code ending_before} = the first job's id. It stops after a page with fewer jobs than the limit asked (an empty
 * page included); a cursor that repeats ends it with a {@link dev.sttclients.runtime.errors.PaginationException}.
 * Every page keeps the {@code recordingId} filter and the limit.
 *
 * <p>Thread-safe; obtain it from {@link DailyClient#batchProcessor()}.
 */
public class BatchProcessorJobs extends BatchProcessorApi implements JobResource<String, BatchProcessorJob> {
  /**
   * A Daily job in the shared vocabulary: states from the spec's {@code x-job-states} (submitted, processing,
   * finished, error); the failure message is the job's {@code error}. Daily's job carries no times.
   */
  static final JobDescriptor<BatchProcessorJob> JOB = JobDescriptor.builder("daily", BatchProcessorJob.class)
      .status("status", BatchProcessorJob::getStatus)
      .id(BatchProcessorJob::getId)
      .failureMessage(BatchProcessorJob::getError)
      .build();
  /** Daily's page size when none is given, and its maximum (REST API pagination). */
  static final int DEFAULT_PAGE_SIZE = 100;
  /** The {@code s3KeyTemplate} of {@link #transcriptRequest(URI)}: the output file's name, {@code transcript.txt}. */
  public static final String DEFAULT_KEY_TEMPLATE = "transcript";

  private final ClientRuntime runtime;

  BatchProcessorJobs(ClientRuntime runtime) {
    super(runtime);
    this.runtime = runtime;
  }

  @Override
  public JobDescriptor<BatchProcessorJob> jobDescriptor() {
    return JOB;
  }

  /** One poll: {@link #getWithResponse(String, RequestOptions)}. */
  @Override
  public ApiResponse<BatchProcessorJob> fetchJob(String jobId, RequestOptions options) {
    return getWithResponse(jobId, options);
  }

  /**
   * A request for a transcript of the media file at {@code audioUrl}: preset {@code transcript}, sourceType
   * {@code uri}, output name {@value #DEFAULT_KEY_TEMPLATE}. Change it before submitting, e.g.
   * {@code req.getInParams().language("fr")} or {@code req.transformParams(...)}.
   *
   * @throws RequestValidationException {@code audioUrl} is null or not an absolute http(s) URL (nothing sent)
   */
  public static SubmitJobRequest transcriptRequest(URI audioUrl) {
    if (audioUrl == null || !audioUrl.isAbsolute() || audioUrl.getHost() == null
        || !List.of("http", "https").contains(audioUrl.getScheme().toLowerCase(Locale.ROOT))) {
      throw new RequestValidationException(DailyClient.PROFILE.name(), "submit", List.of(new Violation(
          "body.inParams.uri", String.valueOf(audioUrl), "must be an absolute http or https URL")));
    }
    return new SubmitJobRequest()
        .preset(BatchProcessorPreset.TRANSCRIPT)
        .inParams(new BatchProcessorInParams().sourceType(BatchProcessorSourceType.URI).uri(audioUrl.toString()))
        .outParams(new BatchProcessorOutParams().s3Config(new OutputS3Config().s3KeyTemplate(DEFAULT_KEY_TEMPLATE)));
  }

  /**
   * Submits {@code request} and waits until the job is finished: {@code submit}, then
   * {@link #waitUntilDone(Object, WaitOptions) waitUntilDone}. The submission is never retried once it may have
   * reached Daily (a repeat would start a second billed job); if it fails ambiguously (a connection reset or
   * timeout after sending), look for the job with {@link #listAutoPaging} before submitting again. A wait that ends
   * without a finished job (timeout, interrupt) carries the job, and so its id, on the
   * {@link dev.sttclients.runtime.errors.WaiterException}.
   *
   * @return the finished job; {@link #transcript(String)} fetches its text
   * @throws dev.sttclients.runtime.errors.JobFailedException the job ended in {@code error} (carries it)
   */
  public BatchProcessorJob transcribe(SubmitJobRequest request, WaitOptions wait) {
    String id = submit(request).getId();
    return waitUntilDone(id, wait);
  }

  /**
   * The job's output files as links ({@link #getAccessLinks}), and the {@code txt} transcript fetched from its link,
   * at most {@link ClientRuntime#DEFAULT_MAX_TEXT_BYTES} bytes.
   *
   * @throws dev.sttclients.runtime.errors.BadRequestException the job is not finished (Daily's 400)
   * @throws MalformedResponseException the job has no {@code txt} transcript (e.g. a summarize job), or it is longer
   */
  public String transcript(String jobId) {
    return transcript(jobId, ClientRuntime.DEFAULT_MAX_TEXT_BYTES);
  }

  /** As {@link #transcript(String)}, reading at most {@code maxBytes} of the file. */
  public String transcript(String jobId, long maxBytes) {
    ApiResponse<BatchProcessorAccessLinks> links = getAccessLinksWithResponse(jobId, RequestOptions.none());
    AccessLink txt = transcriptLink(links.body(), "txt").orElseThrow(() -> new MalformedResponseException(
        DailyClient.PROFILE.name(), "daily getAccessLinks: job " + jobId + " has no txt transcript among its outputs",
        links.attempts(), links.statusCode(), links.headers(), Json.mapper().valueToTree(links.body()).toString(),
        null));
    return runtime.readText("getOutput", openOutputWithResponse(txt, RequestOptions.none()), maxBytes);
  }

  /** The transcript file of the given format (txt, srt, vtt, json) among the links, if the job produced one. */
  public static Optional<AccessLink> transcriptLink(BatchProcessorAccessLinks links, String format) {
    if (links == null || links.getTranscription() == null) {
      return Optional.empty();
    }
    return links.getTranscription().stream()
        .filter(l -> l != null && l.getFormat() != null && l.getFormat().equalsIgnoreCase(format))
        .findFirst();
  }

  /**
   * Opens one output file from its link, streamed: nothing is buffered, close it (try-with-resources). The link is on
   * another host; the API key is never sent there.
   *
   * @throws RequestValidationException the link is not an absolute https URL (nothing sent)
   */
  public BinaryResponse openOutput(AccessLink link) {
    return openOutputWithResponse(link, RequestOptions.none()).body();
  }

  /** As {@link #openOutput(AccessLink)}, with per-call options, returning status and headers too. */
  public ApiResponse<BinaryResponse> openOutputWithResponse(AccessLink link, RequestOptions options) {
    return runtime.download("getOutput", link == null ? null : link.getLink(), options);
  }

  /**
   * Every job matching {@code params}, newest first, fetched lazily one page at a time: use it in a for-each loop
   * or as a {@link Pager#stream() stream}. Nothing is sent until the first item is asked for; each traversal starts
   * again from the first page. See the class comment for how pages follow each other.
   *
   * @throws RequestValidationException right away (not when iterating) when {@code params} break the spec
   */
  public Pager<BatchProcessorJobSummary> listAutoPaging(ListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** As {@link #listAutoPaging(ListParams)}; every page request uses these options. */
  public Pager<BatchProcessorJobSummary> listAutoPaging(ListParams params, RequestOptions requestOptions) {
    ListParams first = params == null ? ListParams.builder().build() : params;
    validateList(first); // now, rather than on the first hasNext()
    return Pager.of(DailyClient.PROFILE.name(), "list",
        () -> new JobsPage(first, list(first, requestOptions), requestOptions));
  }

  /** What a page request is built from: the direction and the cursor. */
  record Cursor(boolean backwards, String id) {
    @Override
    public String toString() {
      return (backwards ? "ending_before=" : "starting_after=") + id;
    }
  }

  /** A fetched page and the step to the next one. */
  private final class JobsPage implements Page<BatchProcessorJobSummary> {
    private final ListParams params;
    private final BatchProcessorJobList page;
    private final RequestOptions options;

    JobsPage(ListParams params, BatchProcessorJobList page, RequestOptions options) {
      this.params = params;
      this.page = page;
      this.options = options;
    }

    private boolean backwards() {
      return params.getEndingBefore() != null && params.getStartingAfter() == null;
    }

    @Override
    public List<BatchProcessorJobSummary> items() {
      return page.getData() == null ? List.of() : page.getData();
    }

    @Override
    public Optional<Cursor> nextPageKey() {
      List<BatchProcessorJobSummary> items = items();
      int limit = params.getLimit() == null ? DEFAULT_PAGE_SIZE : params.getLimit();
      if (items.isEmpty() || items.size() < limit) {
        return Optional.empty();
      }
      BatchProcessorJobSummary edge = backwards() ? items.get(0) : items.get(items.size() - 1);
      if (edge == null || edge.getId() == null || edge.getId().isEmpty()) {
        throw new dev.sttclients.runtime.errors.PaginationException(DailyClient.PROFILE.name(), "list",
            "a full page ends with a job without an id, so there is no cursor for the next page", 0);
      }
      return Optional.of(new Cursor(backwards(), edge.getId()));
    }

    @Override
    public Optional<Cursor> pageKey() {
      if (params.getStartingAfter() != null) {
        return Optional.of(new Cursor(false, params.getStartingAfter()));
      }
      return params.getEndingBefore() == null ? Optional.empty() : Optional.of(new Cursor(true, params.getEndingBefore()));
    }

    @Override
    public Page<BatchProcessorJobSummary> nextPage() {
      Cursor cursor = nextPageKey().orElseThrow();
      ListParams next = cursor.backwards()
          ? params.toBuilder().startingAfter(null).endingBefore(cursor.id()).build()
          : params.toBuilder().endingBefore(null).startingAfter(cursor.id()).build();
      return new JobsPage(next, list(next, options), options);
    }
  }
}
