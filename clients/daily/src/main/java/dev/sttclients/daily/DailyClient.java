package dev.sttclients.daily;

import dev.sttclients.daily.model.DailyError;
import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;

/**
 * Daily's batch processor API.
 *
 * <pre>{@code
 * try (DailyClient daily = DailyClient.builder().apiKey(System.getenv("DAILY_API_KEY")).build()) {
 *   BatchProcessorJob job = daily.batchProcessor().get("3ab8faa2-8ba2-4ee6-bd15-003a92c18245");
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

  /** Batch processor jobs: get a job's status and outputs, wait for it to finish. */
  public BatchProcessorJobs batchProcessor() {
    return batchProcessor;
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
