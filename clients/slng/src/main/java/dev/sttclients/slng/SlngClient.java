package dev.sttclients.slng;

import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.RequestTimeoutException;
import dev.sttclients.runtime.waiter.WaitOptions;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.slng.model.JobSubmission;
import dev.sttclients.slng.model.NewBatchJob;
import dev.sttclients.slng.model.SlngError;
import dev.sttclients.slng.model.TranscriptionConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * SLNG's batch transcription jobs API.
 *
 * <pre>{@code
 * try (SlngClient slng = SlngClient.builder().apiKey(System.getenv("SLNG_API_KEY")).build()) {
 *   BatchJob job = slng.transcribe(Path.of("meeting.wav"));            // presigned upload, create, wait
 *   String text = slng.batchJobs().transcriptText(job.getJobId()).orElse("");
 * }
 * }</pre>
 *
 * Every SLNG error body is {@code {"error": "<message>"}} (SLNG's Batch API contract): {@code errorBody()} is a
 * {@link SlngError} and {@code vendorMessage()} its {@code error} string. A bad key answers 403
 * ({@code PermissionDeniedException}), an unknown job 404. Thread-safe; build one and share it. Close it to
 * release its connections.
 */
public final class SlngClient extends SttClient {
  static final VendorProfile PROFILE = VendorProfile
      .of("slng", "https://api.batch.slng.ai", AuthScheme.bearer())
      .withApiKeyEnvVar("SLNG_API_KEY")
      .withErrorBody(SlngError.class, null, "error");

  private final BatchJobs batchJobs;

  private SlngClient(ClientRuntime runtime) {
    super(runtime);
    this.batchJobs = new BatchJobs(runtime());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Batch transcription jobs: create (from a URL, a presigned upload, or the file itself), list, get, files,
   * download, delete, wait for one to finish.
   */
  public BatchJobs batchJobs() {
    return batchJobs;
  }

  /**
   * Transcribes a local audio file with SLNG's default settings and waits (with {@link WaitOptions#defaults()}) until
   * the job is {@code DONE}; the transcript is then {@code batchJobs().transcriptText(job.getJobId())}.
   *
   * @see #transcribe(BinaryBody, NewBatchJob, WaitOptions)
   */
  public BatchJob transcribe(Path audio) {
    return transcribe(BinaryBody.of(Objects.requireNonNull(audio, "audio")), null, null);
  }

  /** As {@link #transcribe(BinaryBody, NewBatchJob, WaitOptions)}, from a file. */
  public BatchJob transcribe(Path audio, NewBatchJob options, WaitOptions wait) {
    return transcribe(BinaryBody.of(Objects.requireNonNull(audio, "audio")), options, wait);
  }

  /**
   * Transcribes audio through SLNG's presigned-upload flow and waits until the job is done: {@code create} in presign
   * mode (reserves the upload; no job yet), {@code upload} (a PUT to SLNG's object storage, streamed, without the
   * API key), {@code create} with the uploaded key (the job), {@code waitUntilDone}. Built from the parts of
   * {@link BatchJobs}.
   *
   * <p>From {@code options} (not modified; null for SLNG's defaults): {@code transcription_config} (empty when
   * unset), {@code tracking} and {@code output_config} go to both calls, {@code model_code} and {@code metadata} to
   * the one that creates the job. Its {@code job_id} names the job; when unset, one is made up
   * ({@code job} + 32 hex digits) so that every job this method creates has an id known before it is sent.
   *
   * <p>Checked before the first byte is sent: the file (exists, readable, at most 1 GiB) and the options. The create
   * is never sent twice; if it fails after it may have reached SLNG (a {@link ConnectionException}), the message
   * names the job id to look up with {@code batchJobs().get(jobId)} before transcribing again.
   *
   * @return the finished job (status {@code DONE})
   * @throws dev.sttclients.runtime.errors.JobFailedException the job FAILED or was DELETED (it carries the job)
   */
  public BatchJob transcribe(BinaryBody audio, NewBatchJob options, WaitOptions wait) {
    Objects.requireNonNull(audio, "audio");
    NewBatchJob base = withJobId(options);
    NewBatchJob presign = new NewBatchJob()
        .mode(NewBatchJob.ModeEnum.PRESIGN)
        .filename(audio.fileName().orElse("audio"))
        .contentType(audio.contentType())
        .jobId(base.getJobId())
        .transcriptionConfig(base.getTranscriptionConfig())
        .tracking(base.getTracking())
        .outputConfig(base.getOutputConfig());
    batchJobs.validateCreate(presign);
    batchJobs.validateCreate(base); // the job's options fail now, not after the upload
    batchJobs.checkUpload(audio);

    ApiResponse<JobSubmission> reserved = batchJobs.createWithResponse(presign, dev.sttclients.runtime.RequestOptions.none());
    JobSubmission submission = reserved.body();
    if (submission.getUpload() == null) {
      throw new MalformedResponseException(PROFILE.name(), PROFILE.name() + " create: HTTP " + reserved.statusCode()
          + " to a presign request carries no upload URL", reserved.attempts(), reserved.statusCode(),
          reserved.headers(), "", null);
    }
    batchJobs.upload(submission.getUpload(), audio);
    String jobId = submission.getJobId();
    NewBatchJob create = copy(base).jobId(jobId).s3Key(submission.getUpload().getS3Key()).inputUrl(null).mode(null)
        .filename(null).contentType(null);
    return startAndWait(jobId, create, wait);
  }

  /**
   * Transcribes audio that is already online (an HTTPS URL SLNG downloads, at most 1 GB) and waits until the job is
   * done. As {@link #transcribe(BinaryBody, NewBatchJob, WaitOptions)}, with one create ({@code input_url}) instead of
   * the upload.
   */
  public BatchJob transcribe(URI audioUrl, NewBatchJob options, WaitOptions wait) {
    NewBatchJob create = withJobId(options).inputUrl(Objects.requireNonNull(audioUrl, "audioUrl")).s3Key(null)
        .mode(null).filename(null).contentType(null);
    batchJobs.validateCreate(create);
    return startAndWait(create.getJobId(), create, wait);
  }

  private BatchJob startAndWait(String jobId, NewBatchJob create, WaitOptions wait) {
    reconcilable(jobId, () -> batchJobs.create(create));
    return batchJobs.waitUntilDone(jobId, wait == null ? WaitOptions.defaults() : wait);
  }

  /** Runs a create; a failure after which the job may exist names the job id to look it up by. */
  private static <T> T reconcilable(String jobId, Supplier<T> create) {
    try {
      return create.get();
    } catch (ConnectionException e) {
      String message = e.getMessage() + "; the job may exist: look it up with get(\"" + jobId + "\") before creating"
          + " it again";
      throw e instanceof RequestTimeoutException
          ? new RequestTimeoutException(e.vendor(), message, e.attempts(), e)
          : new ConnectionException(e.vendor(), message, e.attempts(), e);
    }
  }

  /** A copy of the caller's options (never modified) with a transcription config and a job id. */
  private static NewBatchJob withJobId(NewBatchJob options) {
    NewBatchJob copy = copy(options);
    if (copy.getTranscriptionConfig() == null) {
      copy.transcriptionConfig(new TranscriptionConfig());
    }
    if (copy.getJobId() == null) {
      copy.jobId("job" + UUID.randomUUID().toString().replace("-", ""));
    }
    return copy;
  }

  private static NewBatchJob copy(NewBatchJob options) {
    return options == null ? new NewBatchJob() : Json.mapper().convertValue(options, NewBatchJob.class);
  }

  public static final class Builder extends SttClientBuilder<Builder, SlngClient> {
    private Builder() {}

    @Override
    protected VendorProfile profile() {
      return PROFILE;
    }

    @Override
    public SlngClient build() {
      return new SlngClient(buildRuntime());
    }
  }
}
