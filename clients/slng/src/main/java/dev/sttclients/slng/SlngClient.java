package dev.sttclients.slng;

import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;
import dev.sttclients.slng.model.SlngError;

/**
 * SLNG's batch transcription jobs API.
 *
 * <pre>{@code
 * try (SlngClient slng = SlngClient.builder().apiKey(System.getenv("SLNG_API_KEY")).build()) {
 *   BatchJob job = slng.batchJobs().get("myjob123");
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

  /** Batch transcription jobs: get one job, wait for it to finish. */
  public BatchJobs batchJobs() {
    return batchJobs;
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
