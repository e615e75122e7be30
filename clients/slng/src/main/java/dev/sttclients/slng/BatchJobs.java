package dev.sttclients.slng;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.Page;
import dev.sttclients.runtime.Pager;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.internal.OperationRequest;
import dev.sttclients.runtime.internal.RequestBodies;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobResource;
import dev.sttclients.slng.api.BatchJobsApi;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.slng.model.BatchJobFiles;
import dev.sttclients.slng.model.BatchJobPage;
import dev.sttclients.slng.model.JobFile;
import dev.sttclients.slng.model.JobOutputFile;
import dev.sttclients.slng.model.NewBatchJob;
import dev.sttclients.slng.model.PageMeta;
import dev.sttclients.slng.model.PresignedUpload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SLNG's batch transcription jobs: the generated operations of {@link BatchJobsApi} ({@code create} with a JSON body,
 * {@code upload} with the file itself, {@code list}, {@code get}, {@code files}, {@code delete}; each also with
 * {@code RequestOptions} and as {@code ...WithResponse}, {@code list} and {@code upload} also with a params object),
 * plus what goes to SLNG's object storage (the presigned upload, downloads), auto-paging and waiting for a job
 * ({@link JobResource}).
 *
 * <pre>{@code
 * BatchJobs jobs = slng.batchJobs();
 * JobSubmission presigned = jobs.create(new NewBatchJob().mode(NewBatchJob.ModeEnum.PRESIGN)
 *     .filename("meeting.wav").transcriptionConfig(new TranscriptionConfig().language("en")));
 * jobs.upload(presigned.getUpload(), BinaryBody.of(Path.of("meeting.wav")));     // PUT, no API key sent there
 * jobs.create(new NewBatchJob().s3Key(presigned.getUpload().getS3Key()).jobId(presigned.getJobId())
 *     .transcriptionConfig(new TranscriptionConfig().language("en")));
 * BatchJob job = jobs.waitUntilDone(presigned.getJobId());   // FAILED or DELETED -> JobFailedException
 * Optional<String> text = jobs.transcriptText(job.getJobId());
 * for (BatchJob j : jobs.listAutoPaging(ListParams.builder().status(BatchJobStatus.DONE).build())) { ... }
 * }</pre>
 *
 * Thread-safe; obtain it from {@link SlngClient#batchJobs()}.
 */
public class BatchJobs extends BatchJobsApi implements JobResource<String, BatchJob> {
  /**
   * SLNG's documented maximum file size, 1 GB, read as 1 GiB (the larger reading): the spec's {@code x-max-bytes} of
   * the upload's {@code file} field, also applied to a presigned upload (SLNG's Batch guide, "Limits").
   */
  public static final long MAX_FILE_BYTES = 1L << 30;
  /** The most {@link #transcriptText} reads into memory. */
  static final int MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

  /**
   * An SLNG job in the shared vocabulary: states from the spec's {@code x-job-states} (IN_PROGRESS, DECODING and
   * POST_PROCESSING are all RUNNING); the failure message is the job's {@code error_message.message}.
   */
  static final JobDescriptor<BatchJob> JOB = JobDescriptor.builder("slng", BatchJob.class)
      .status("status", BatchJob::getStatus)
      .id(BatchJob::getJobId)
      .createdAt(BatchJob::getSubmittedAt)
      .completedAt(BatchJob::getCompletedAt)
      .failureMessage(job -> job.getErrorMessage() == null ? null : job.getErrorMessage().getMessage())
      .build();

  private final ClientRuntime runtime;

  BatchJobs(ClientRuntime runtime) {
    super(runtime);
    this.runtime = runtime;
  }

  @Override
  public JobDescriptor<BatchJob> jobDescriptor() {
    return JOB;
  }

  /** One poll: {@link #getWithResponse(String, RequestOptions)}. */
  @Override
  public ApiResponse<BatchJob> fetchJob(String jobId, RequestOptions options) {
    return getWithResponse(jobId, options);
  }

  /**
   * Step 2 of the presigned-upload flow: PUTs the audio to the presigned URL that {@code create} in presign mode
   * answered ({@code JobSubmission.getUpload()}), with the headers SLNG said it must carry. That URL is on SLNG's
   * object storage, another origin: the API key is never sent there. Streamed with an exact Content-Length; a file
   * body is re-sent on a retried failure (PUT is idempotent), a stream body never.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException before sending: a missing or unreadable file, a
   *     stream already sent, more than 1 GiB ({@link #MAX_FILE_BYTES}; {@link BinaryBody#withSizeLimit} otherwise)
   * @throws dev.sttclients.runtime.errors.ServiceException the storage refused it (e.g. 403 once the URL expired,
   *     after 30 minutes); its XML error body is {@code rawBody()}
   */
  public void upload(PresignedUpload target, BinaryBody audio) {
    upload(target, audio, RequestOptions.none());
  }

  /** As {@link #upload(PresignedUpload, BinaryBody)}, with per-call options (timeout, retries). */
  public void upload(PresignedUpload target, BinaryBody audio, RequestOptions requestOptions) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(audio, "audio");
    if (target.getUrl() == null) {
      throw new IllegalArgumentException("the presigned upload has no url");
    }
    OperationRequest.Builder request = OperationRequest.builder("uploadPresigned", "PUT", "/")
        .externalUrl(target.getUrl())
        .body(audio, null)
        .maxBytes("body", MAX_FILE_BYTES)
        .accept("*/*");
    Map<String, String> headers = target.getHeaders() == null ? Map.of() : target.getHeaders();
    headers.forEach(request::header);
    runtime.execute(request.build(), null, requestOptions);
  }

  /**
   * Downloads one of a job's output files ({@link #files}), streamed from SLNG's object storage without the API key.
   * Close the response.
   */
  public BinaryResponse download(JobOutputFile file) {
    return download(Objects.requireNonNull(file, "file").getDownloadUrl(), RequestOptions.none());
  }

  /** Downloads one of a job's input files ({@link #files}), streamed, without the API key. Close the response. */
  public BinaryResponse download(JobFile file) {
    return download(Objects.requireNonNull(file, "file").getDownloadUrl(), RequestOptions.none());
  }

  /** Downloads a signed URL SLNG handed out, streamed, without the API key. Close the response. */
  public BinaryResponse download(URI signedUrl, RequestOptions requestOptions) {
    Objects.requireNonNull(signedUrl, "signedUrl");
    return runtime.execute(OperationRequest.builder("download", "GET", "/").externalUrl(signedUrl).accept("*/*")
        .build(), ClientRuntime.BINARY, requestOptions).body();
  }

  /**
   * A finished job's output in one format, streamed (close it), or empty when SLNG lists none in that format.
   * Two calls: {@link #files} for the signed URLs, then the download.
   */
  public Optional<BinaryResponse> downloadOutput(String jobId, JobOutputFile.FormatEnum format) {
    BatchJobFiles files = files(jobId);
    List<JobOutputFile> outputs = files.getOutputs() == null ? List.of() : files.getOutputs();
    return outputs.stream().filter(o -> o.getFormat() == format).findFirst().map(this::download);
  }

  /**
   * The plain-text transcript of a finished job (its {@code txt} output, UTF-8), or empty when SLNG lists no
   * {@code txt} output (e.g. the job is not {@code DONE}). Read into memory: at most 64 MiB, else a
   * {@link MalformedResponseException}; stream a larger one with {@link #downloadOutput}.
   */
  public Optional<String> transcriptText(String jobId) {
    return downloadOutput(jobId, JobOutputFile.FormatEnum.TXT).map(BatchJobs::readText);
  }

  private static String readText(BinaryResponse response) {
    try (response; InputStream in = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        if (out.size() + n > MAX_TRANSCRIPT_BYTES) {
          throw new MalformedResponseException(SlngClient.PROFILE.name(), SlngClient.PROFILE.name()
              + " transcriptText: the txt output is larger than " + MAX_TRANSCRIPT_BYTES
              + " bytes; stream it with downloadOutput(jobId, TXT)", 1, response.statusCode(), response.headers(),
              "", null);
        }
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the transcript failed", e);
    }
  }

  /**
   * Every job matching {@code params}, from its page on ({@code page}, default 1), fetched lazily one page of
   * {@code page_size} jobs at a time: use it in a for-each loop or as a {@link Pager#stream() stream}. The next page
   * is the next page number while it is at most {@code meta.pages}; each page request goes through the generated
   * {@code list} with the original filters. Nothing is sent until the first item is asked for.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException right away when {@code params} break the spec
   */
  public Pager<BatchJob> listAutoPaging(ListParams params) {
    return listAutoPaging(params, RequestOptions.none());
  }

  /** As {@link #listAutoPaging(ListParams)}; every page request uses these options. */
  public Pager<BatchJob> listAutoPaging(ListParams params, RequestOptions requestOptions) {
    validateList(params); // now, rather than on the first hasNext()
    return Pager.of(SlngClient.PROFILE.name(), "list", () -> new JobsPage(params, list(params, requestOptions),
        requestOptions));
  }

  /** A fetched page and the step to the next one; a page is identified by its number. */
  private final class JobsPage implements Page<BatchJob> {
    private final ListParams params;
    private final BatchJobPage page;
    private final RequestOptions options;

    JobsPage(ListParams params, BatchJobPage page, RequestOptions options) {
      this.params = params;
      this.page = page;
      this.options = options;
    }

    @Override
    public List<BatchJob> items() {
      return page.getItems() == null ? List.of() : page.getItems();
    }

    private int number() {
      PageMeta meta = page.getMeta();
      return meta != null && meta.getPage() != null ? meta.getPage()
          : params.getPage() != null ? params.getPage() : 1;
    }

    /**
     * The next page number while {@code meta.pages} says there is one; without {@code meta.pages} (not documented
     * to happen), while this page is full.
     */
    @Override
    public Optional<Integer> nextPageKey() {
      PageMeta meta = page.getMeta();
      if (meta != null && meta.getPages() != null) {
        return number() < meta.getPages() ? Optional.of(number() + 1) : Optional.empty();
      }
      Integer size = meta != null && meta.getPageSize() != null ? meta.getPageSize()
          : params.getPageSize() != null ? params.getPageSize() : 20;
      return !items().isEmpty() && items().size() >= size ? Optional.of(number() + 1) : Optional.empty();
    }

    @Override
    public Optional<Integer> pageKey() {
      return Optional.of(number());
    }

    @Override
    public Page<BatchJob> nextPage() {
      ListParams next = params.toBuilder().page(nextPageKey().orElseThrow()).build();
      return new JobsPage(next, list(next, options), options);
    }
  }

  /**
   * Checks a {@code create} request against the spec, as {@link #create} does first, and sends nothing.
   *
   * @throws dev.sttclients.runtime.errors.RequestValidationException naming each offending field
   */
  public void validateCreate(NewBatchJob request) {
    checkCreate(request);
  }

  /** Checks an audio body for a presigned upload before anything is sent (see {@link #upload(PresignedUpload, BinaryBody)}). */
  void checkUpload(BinaryBody audio) {
    RequestBodies.checkUpload(SlngClient.PROFILE.name(), "uploadPresigned", "audio", audio, MAX_FILE_BYTES);
  }
}
