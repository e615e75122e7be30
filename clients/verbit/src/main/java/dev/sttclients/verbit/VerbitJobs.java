package dev.sttclients.verbit;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.Violation;
import dev.sttclients.runtime.waiter.JobDescriptor;
import dev.sttclients.runtime.waiter.JobResource;
import dev.sttclients.runtime.internal.OperationRequest;
import dev.sttclients.runtime.internal.RequestBodies;
import dev.sttclients.runtime.waiter.WaitOptions;
import dev.sttclients.verbit.api.JobsApi;
import dev.sttclients.verbit.model.AddAssetRequest;
import dev.sttclients.verbit.model.AddAssetResponse;
import dev.sttclients.verbit.model.AddMediaRequest;
import dev.sttclients.verbit.model.CaptionFormat;
import dev.sttclients.verbit.model.JobInfo;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.NewJobResponse;
import dev.sttclients.verbit.model.StartProcessingRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Verbit jobs with the client's API version filled in as {@code v}: a thin layer over the generated
 * {@link JobsApi} (see {@link VerbitClient#jobsApi()} for the full generated surface).
 *
 * <p>Every call checks its arguments against the spec before anything is sent and throws
 * {@link dev.sttclients.runtime.errors.RequestValidationException} naming the field, value and rule
 * (e.g. {@code job_id=0}, {@code body.finish_in=901}, {@code body.profile=null}). Errors from Verbit map
 * to the typed exceptions under {@link dev.sttclients.runtime.errors.ServiceException}, whose
 * {@code errorType()} and {@code vendorMessage()} carry Verbit's {@code ErrorType} and {@code ErrorComment}.
 *
 * <p>{@link #create}, {@link #addMedia} and {@link #startProcessing} are POSTs and are never retried once the
 * request may have reached the server (a repeat would create another job, add media twice or start
 * billable processing twice); they are retried only when the connection could not be made at all.
 * {@link #info} is a GET and is retried on connection errors and on 408, 429, 500, 502, 503 and 504
 * (the client's retry policy).
 *
 * <p>{@link #waitUntilDone(Object) waitUntilDone(jobId)} polls {@link #info} until the job is Completed (or, in the
 * sandbox, Complete); Failure, Error and Canceled throw {@link dev.sttclients.runtime.errors.JobFailedException}
 * carrying the job and its {@code errors}. A Pending job waits for you to start processing: waiting on it only
 * ends at the timeout.
 * Thread-safe.
 */
public final class VerbitJobs implements JobResource<Long, JobInfo> {
  /**
   * A Verbit job in the shared vocabulary: states from the spec's {@code x-job-states} (Pending is QUEUED;
   * Completed and the sandbox's Complete are SUCCEEDED, Failure and Error FAILED); the failure message is the
   * job's {@code errors} as JSON (the shape of an item is not documented). The job info carries no times.
   */
  static final JobDescriptor<JobInfo> JOB = JobDescriptor.builder("verbit", JobInfo.class)
      .status("job_status", JobInfo::getJobStatus)
      .id(job -> job.getId() == null ? null : job.getId().toString())
      .failureMessage(JobInfo::getErrors)
      .build();

  private final JobsApi api;
  private final int version;
  private final ClientRuntime runtime;

  VerbitJobs(JobsApi api, int version, ClientRuntime runtime) {
    this.api = api;
    this.version = version;
    this.runtime = runtime;
  }

  /**
   * Creates a job ({@code POST /job/new}); only {@code profile} is required. Never retried once sent:
   * each call creates another job.
   *
   * @return the new job's id ({@code getJobId()})
   */
  public NewJobResponse create(NewJobRequest job) {
    return create(job, RequestOptions.none());
  }

  /** As {@link #create(NewJobRequest)}, with per-call options. */
  public NewJobResponse create(NewJobRequest job, RequestOptions requestOptions) {
    return api.create(version, job, requestOptions);
  }

  /**
   * Adds the job's media ({@code POST /job/add_media}): a direct {@code media_url} or {@code asset_ids}.
   * Can be called once per job; never retried once sent.
   */
  public Map<String, Object> addMedia(long jobId, AddMediaRequest media) {
    return addMedia(jobId, media, RequestOptions.none());
  }

  /** As {@link #addMedia(long, AddMediaRequest)}, with per-call options. */
  public Map<String, Object> addMedia(long jobId, AddMediaRequest media, RequestOptions requestOptions) {
    return api.addMedia(version, jobId, media, requestOptions);
  }

  /** Starts processing with no options: as {@link #startProcessing(long, StartProcessingRequest)} with an empty body. */
  public Map<String, Object> startProcessing(long jobId) {
    return startProcessing(jobId, new StartProcessingRequest(), RequestOptions.none());
  }

  /**
   * Starts processing ({@code POST /job/perform_transcription}); the job must be Pending and have media.
   * Never retried once sent: it starts billable processing. In the sandbox, {@code finishIn(0..900)} makes the
   * job finish by itself after that many seconds, as Complete or, with {@code finishWithError(true)}, as Error;
   * {@code finish_with_error} alone is sent as given (Verbit documents it as valid; the job stays In Progress).
   *
   * @param options callback URL, processing options, sandbox switches; null for none
   */
  public Map<String, Object> startProcessing(long jobId, StartProcessingRequest options) {
    return startProcessing(jobId, options, RequestOptions.none());
  }

  /** As {@link #startProcessing(long, StartProcessingRequest)}, with per-call options. */
  public Map<String, Object> startProcessing(long jobId, StartProcessingRequest options,
      RequestOptions requestOptions) {
    return api.startProcessing(version, jobId, options == null ? new StartProcessingRequest() : options,
        requestOptions);
  }

  /** The job's information and {@code job_status} ({@code GET /job/info}). */
  public JobInfo info(long jobId) {
    return info(jobId, RequestOptions.none());
  }

  /** As {@link #info(long)}, with per-call options. */
  public JobInfo info(long jobId, RequestOptions requestOptions) {
    return api.info(version, jobId, requestOptions);
  }

  /**
   * Registers a file for the job ({@code POST /job/add_asset}): {@code file_name} for a local file, answered with an
   * {@code upload_url} to PUT its bytes to, or {@code asset_url} for a remote one. The answer's {@code asset_id} goes
   * to {@link #addMedia} ({@code asset_ids}). Never retried once sent: each call registers another asset.
   */
  public AddAssetResponse addAsset(long jobId, AddAssetRequest asset) {
    return addAsset(jobId, asset, RequestOptions.none());
  }

  /** As {@link #addAsset(long, AddAssetRequest)}, with per-call options. */
  public AddAssetResponse addAsset(long jobId, AddAssetRequest asset, RequestOptions requestOptions) {
    return api.addAsset(version, jobId, asset, requestOptions);
  }

  /**
   * Downloads a Completed job's transcript or captions ({@code GET /job/get_caption}) in {@code format}, streamed:
   * nothing is buffered, close it (try-with-resources). Media formats answer with a redirect, which is followed
   * without the credential.
   */
  public BinaryResponse getCaption(long jobId, CaptionFormat format) {
    return getCaption(jobId, format, null, RequestOptions.none());
  }

  /**
   * As {@link #getCaption(long, CaptionFormat)}, in a translation's {@code language} (one requested at creation
   * through translation_languages; null for the job's own language), with per-call options.
   */
  public BinaryResponse getCaption(long jobId, CaptionFormat format, String language, RequestOptions requestOptions) {
    return api.getCaption(version, jobId, format, language, requestOptions);
  }

  /**
   * Downloads the latest draft of a job still being processed ({@code GET /job/draft}; once {@code draft_ready} is
   * true), streamed like {@link #getCaption(long, CaptionFormat)}.
   */
  public BinaryResponse getDraft(long jobId, CaptionFormat format) {
    return getDraft(jobId, format, null, RequestOptions.none());
  }

  /** As {@link #getDraft(long, CaptionFormat)}, in a translation's {@code language}, with per-call options. */
  public BinaryResponse getDraft(long jobId, CaptionFormat format, String language, RequestOptions requestOptions) {
    return api.getDraft(version, jobId, format, language, requestOptions);
  }

  /**
   * The text of a Completed job's plain-text transcript ({@code get_caption} with {@code caption_format=txt}), at
   * most {@link ClientRuntime#DEFAULT_MAX_TEXT_BYTES} bytes.
   *
   * @throws dev.sttclients.runtime.errors.MalformedResponseException the transcript is longer
   */
  public String transcript(long jobId) {
    return transcript(jobId, ClientRuntime.DEFAULT_MAX_TEXT_BYTES);
  }

  /** As {@link #transcript(long)}, reading at most {@code maxBytes}. */
  public String transcript(long jobId, long maxBytes) {
    return runtime.readText("getCaption",
        api.getCaptionWithResponse(version, jobId, CaptionFormat.TXT, null, RequestOptions.none()), maxBytes);
  }

  /**
   * Uploads a local file (or a stream of known length) as an asset of the job and returns its {@code asset_id}, for
   * {@link #addMedia} ({@code new AddMediaRequest().assetIds(List.of(id))}): {@link #addAsset} with the file's name,
   * then a {@code PUT} of the bytes to the pre-signed {@code upload_url} it answers (another host: the credential is
   * never sent there), streamed from disk, never read into memory, with an exact {@code Content-Length}. The file is
   * checked first (missing, unreadable, a stream already sent: {@code RequestValidationException} naming
   * {@code media}, nothing sent). {@code addAsset} is a POST, never retried once sent; the PUT is retried like any
   * PUT, with a file only (a stream is never sent twice). Verbit: the upload URL expires after 24 hours, an asset
   * must be added within 24 hours, unused uploads are deleted.
   *
   * @throws MalformedResponseException add_asset answered without an {@code upload_url}
   */
  public String upload(long jobId, BinaryBody media) {
    return upload(jobId, media, RequestOptions.none());
  }

  /** As {@link #upload(long, BinaryBody)}, with per-call options for both requests. */
  public String upload(long jobId, BinaryBody media, RequestOptions requestOptions) {
    List<Violation> bad = new java.util.ArrayList<>();
    checkMedia(bad, media);
    if (!bad.isEmpty()) {
      throw new RequestValidationException(VerbitClient.PROFILE.name(), "upload", bad);
    }
    ApiResponse<AddAssetResponse> asset = api.addAssetWithResponse(version, jobId,
        new AddAssetRequest().fileName(media.fileName().orElse("media")), requestOptions);
    if (asset.body().getUploadUrl() == null || asset.body().getAssetId() == null) {
      throw new MalformedResponseException(VerbitClient.PROFILE.name(), "verbit addAsset: answered without "
          + (asset.body().getAssetId() == null ? "an asset_id" : "an upload_url") + " for file_name "
          + media.fileName().orElse("media"), asset.attempts(), asset.statusCode(), asset.headers(), "", null);
    }
    runtime.execute(OperationRequest.builder("upload", "PUT", "/")
        .externalUrl(runtime.externalUrl("upload", asset.body().getUploadUrl()))
        .body(media, null).accept("*/*").build(), null, requestOptions);
    return asset.body().getAssetId();
  }

  /** The checks an upload of {@code media} makes before anything is sent, named {@code media}. */
  private static void checkMedia(List<Violation> out, BinaryBody media) {
    if (media == null) {
      out.add(new Violation("media", "null", "must not be null"));
      return;
    }
    try {
      RequestBodies.prepare(VerbitClient.PROFILE.name(),
          OperationRequest.builder("upload", "PUT", "/").body(media, null).build());
    } catch (RequestValidationException e) {
      e.violations().forEach(v -> out.add(new Violation("media", v.value(), v.rule())));
    }
  }

  /**
   * From a local file (or a stream of known length) to a finished job: {@link #create}, {@link #upload},
   * {@link #addMedia} with the asset, {@link #startProcessing} with {@code start} (null for none; in the sandbox
   * {@code finishIn(0..900)}), then {@link #waitUntilDone(Object, WaitOptions) waitUntilDone}. Everything is checked
   * before the first request: a missing file or a bad option creates no job. See
   * {@link #transcribe(URI, NewJobRequest, StartProcessingRequest, WaitOptions)} for ambiguous failures.
   */
  public JobInfo transcribe(BinaryBody media, NewJobRequest job, StartProcessingRequest start, WaitOptions wait) {
    List<Violation> bad = new java.util.ArrayList<>();
    checkMedia(bad, media);
    check(bad, "job", job, true);
    check(bad, "start", start, false);
    if (!bad.isEmpty()) {
      throw new RequestValidationException(VerbitClient.PROFILE.name(), "transcribe", bad);
    }
    long jobId = create(job).getJobId();
    String assetId = upload(jobId, media);
    addMedia(jobId, new AddMediaRequest().assetIds(List.of(assetId)));
    startProcessing(jobId, start);
    return waitUntilDone(jobId, wait);
  }

  /**
   * From a media URL to a finished job: {@link #create}, {@link #addMedia} ({@code media_url}),
   * {@link #startProcessing} with {@code start} (callback URL, options; in the sandbox {@code finishIn(0..900)},
   * without which a sandbox job never finishes), then {@link #waitUntilDone(Object, WaitOptions) waitUntilDone}.
   * The three POSTs are never retried once they may have reached Verbit. After an ambiguous failure (a connection
   * reset or timeout once a POST was sent), do not call this again blindly: the first job may exist. Give
   * {@code job.externalId(...)} your own reference: Verbit's webhook and job info carry it back; or run the steps
   * yourself to keep the job id between them.
   *
   * @param start null for no options
   * @return the finished job info; {@link #transcript(long)} fetches its text
   * @throws dev.sttclients.runtime.errors.JobFailedException the job ended Failure, Error or Canceled (carries it)
   */
  public JobInfo transcribe(URI mediaUrl, NewJobRequest job, StartProcessingRequest start, WaitOptions wait) {
    String url = mediaUrl == null ? null : mediaUrl.toString();
    // All three requests are checked before the first is sent: a bad URL or option never leaves a job behind.
    List<Violation> bad = new java.util.ArrayList<>();
    check(bad, "mediaUrl", url == null ? null : new AddMediaRequest().mediaUrl(url), true);
    check(bad, "job", job, true);
    check(bad, "start", start, false);
    if (!bad.isEmpty()) {
      throw new RequestValidationException(VerbitClient.PROFILE.name(), "transcribe", bad);
    }
    long jobId = create(job).getJobId();
    addMedia(jobId, new AddMediaRequest().mediaUrl(url));
    startProcessing(jobId, start);
    return waitUntilDone(jobId, wait);
  }

  /** Adds the violations of {@code body} (named {@code name.<wire name>}, or {@code name} when it is missing). */
  static void check(List<Violation> out, String name, Object body, boolean required) {
    if (body == null) {
      if (required) {
        out.add(new Violation(name, "null", "must not be null"));
      }
      return;
    }
    for (Violation v : dev.sttclients.runtime.internal.BeanChecks.checkBean(body)) {
      out.add(new Violation(name.equals("mediaUrl") ? name : name + "." + v.field(), v.value(), v.rule()));
    }
  }

  @Override
  public JobDescriptor<JobInfo> jobDescriptor() {
    return JOB;
  }

  /** One poll: {@code info} with its response metadata. */
  @Override
  public ApiResponse<JobInfo> fetchJob(Long jobId, RequestOptions requestOptions) {
    return api.infoWithResponse(version, jobId, requestOptions);
  }
}
