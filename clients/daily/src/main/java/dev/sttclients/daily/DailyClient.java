package dev.sttclients.daily;

import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.daily.model.DailyError;
import dev.sttclients.daily.model.SubmitJobRequest;
import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.net.URI;

/**
 * Daily's batch processor API.
 *
 * <pre>{@code
 * try (DailyClient daily = DailyClient.builder().apiKey(System.getenv("DAILY_API_KEY")).build()) {
 *   BatchProcessorJob job = daily.transcribe(URI.create("https://example.com/standup.mp4"));  // submit, wait
 *   String text = daily.transcript(job);                                                      // links, then S3
 * }
 * }</pre>
 *
 * Errors carry Daily's error type ({@code authentication-error}, ...) as {@code errorType()} and its
 * {@code info} text as {@code vendorMessage()}. Thread-safe; build one and share it. Close it to release
 * its connections.
 */
public final class DailyClient extends SttClient {
  static final VendorProfile PROFILE = VendorProfile
      .of("daily", "https://api.daily.co/v1", AuthScheme.bearer())
      .withApiKeyEnvVar("DAILY_API_KEY")
      .withErrorBody(DailyError.class, "error", "info");

  private final BatchProcessorJobs batchProcessor;

  private DailyClient(ClientRuntime runtime) {
    super(runtime);
    this.batchProcessor = new BatchProcessorJobs(runtime());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Batch processor jobs: submit, list, get, wait, output links and files, delete. */
  public BatchProcessorJobs batchProcessor() {
    return batchProcessor;
  }

  /**
   * Transcribes the media file at {@code audioUrl} (Daily fetches it): submits a {@code transcript} job and waits,
   * with {@link WaitOptions#defaults()}, until it is finished. See
   * {@link BatchProcessorJobs#transcribe(SubmitJobRequest, WaitOptions)}.
   *
   * @return the finished job; {@link #transcript(BatchProcessorJob)} fetches its text
   */
  public BatchProcessorJob transcribe(URI audioUrl) {
    return transcribe(audioUrl, WaitOptions.defaults());
  }

  /** As {@link #transcribe(URI)}, waiting as {@code wait} says. */
  public BatchProcessorJob transcribe(URI audioUrl, WaitOptions wait) {
    return transcribe(BatchProcessorJobs.transcriptRequest(audioUrl), wait);
  }

  /**
   * Submits {@code request} (any preset, input and output options; start from
   * {@link BatchProcessorJobs#transcriptRequest(URI)}) and waits until the job is finished.
   */
  public BatchProcessorJob transcribe(SubmitJobRequest request, WaitOptions wait) {
    return batchProcessor.transcribe(request, wait);
  }

  /**
   * The text of a finished job's {@code txt} transcript: its access links, then the file from its link (another
   * host: the API key is not sent there), at most 16 MiB. See {@link BatchProcessorJobs#transcript(String)}.
   */
  public String transcript(BatchProcessorJob job) {
    return batchProcessor.transcript(job == null ? null : job.getId());
  }

  public static final class Builder extends SttClientBuilder<Builder, DailyClient> {
    private Builder() {}

    @Override
    protected VendorProfile profile() {
      return PROFILE;
    }

    @Override
    public DailyClient build() {
      return new DailyClient(buildRuntime());
    }
  }
}
