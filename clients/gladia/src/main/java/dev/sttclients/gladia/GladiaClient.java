package dev.sttclients.gladia;

import dev.sttclients.gladia.model.GladiaError;
import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;

/**
 * Gladia's pre-recorded jobs API.
 *
 * <pre>{@code
 * try (GladiaClient gladia = GladiaClient.builder().apiKey(System.getenv("GLADIA_API_KEY")).build()) {
 *   PreRecordedJob job = gladia.preRecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab");
 * }
 * }</pre>
 *
 * Thread-safe; build one and share it. Close it to release its connections.
 */
public final class GladiaClient extends SttClient {
  static final VendorProfile PROFILE = VendorProfile
      .of("gladia", "https://api.gladia.io", AuthScheme.header("x-gladia-key"))
      .withApiKeyEnvVar("GLADIA_API_KEY")
      .withErrorBody(GladiaError.class, null, "message")
      .withRequestId("request_id", "x-request-id");

  private final PreRecordedJobs preRecorded;

  private GladiaClient(ClientRuntime runtime) {
    super(runtime);
    this.preRecorded = new PreRecordedJobs(runtime());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Pre-recorded jobs: get, list (one page, or every page with {@link PreRecordedJobs#listAutoPaging}),
   * download the original audio, delete.
   */
  public PreRecordedJobs preRecorded() {
    return preRecorded;
  }

  public static final class Builder extends SttClientBuilder<Builder, GladiaClient> {
    private Builder() {}

    @Override
    protected VendorProfile profile() {
      return PROFILE;
    }

    @Override
    public GladiaClient build() {
      return new GladiaClient(buildRuntime());
    }
  }
}
