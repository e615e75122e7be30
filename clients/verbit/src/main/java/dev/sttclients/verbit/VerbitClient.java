package dev.sttclients.verbit;

import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;
import dev.sttclients.verbit.api.JobsApi;
import dev.sttclients.verbit.model.JobInfo;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.StartProcessingRequest;
import dev.sttclients.verbit.model.VerbitError;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.net.URI;

/**
 * Verbit's post-production jobs API (v4).
 *
 * <pre>{@code
 * try (VerbitClient verbit = VerbitClient.builder().apiKey(System.getenv("VERBIT_API_KEY")).sandbox().build()) {
 *   long jobId = verbit.jobs().create(new NewJobRequest().profile("Standard").jobName("meeting.mp4")).getJobId();
 *   verbit.jobs().addMedia(jobId, new AddMediaRequest().mediaUrl("https://media.example.com/meeting.mp4"));
 *   verbit.jobs().startProcessing(jobId, new StartProcessingRequest().finishIn(0));
 *   JobStatus status = verbit.jobs().info(jobId).getJobStatus();
 * }
 * }</pre>
 *
 * <p>The credential goes in {@code Authorization: ApiToken <key>} by default; {@link Builder#bearerToken}
 * switches to OAuth, {@link Builder#legacyQueryAuth} to the legacy {@code api_token} query parameter.
 * Every call carries the API version {@code v} ({@value #DEFAULT_API_VERSION} unless
 * {@link Builder#apiVersion} says otherwise).
 *
 * <p>Thread-safe; build one and share it. Close it to release its connections.
 */
public final class VerbitClient extends SttClient {
  /** Production base URL. */
  public static final String PRODUCTION_URL = "https://api.verbit.co/api";
  /** Sandbox base URL: no real processing; jobs finish on request ({@code finish_in}). */
  public static final String SANDBOX_URL = "https://sandbox-api.verbit.co/api";
  /** The API version sent as {@code v} unless configured otherwise. */
  public static final int DEFAULT_API_VERSION = 4;

  static final VendorProfile PROFILE = VendorProfile
      .of("verbit", PRODUCTION_URL, AuthScheme.header("Authorization", "ApiToken "))
      .withApiKeyEnvVar("VERBIT_API_KEY")
      .withErrorBody(VerbitError.class, "ErrorType", "ErrorComment");

  private final int apiVersion;
  private final JobsApi jobsApi;
  private final VerbitJobs jobs;

  private VerbitClient(ClientRuntime runtime, int apiVersion) {
    super(runtime);
    this.apiVersion = apiVersion;
    this.jobsApi = new JobsApi(runtime());
    this.jobs = new VerbitJobs(jobsApi, apiVersion, runtime());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Jobs: create, add media or assets, start processing, info, wait, captions and drafts; the API version is filled in. */
  public VerbitJobs jobs() {
    return jobs;
  }

  /**
   * From a media URL Verbit fetches to a finished job: create, add media, start processing (no options), wait with
   * {@link WaitOptions#defaults()}. In the sandbox use
   * {@link #transcribe(URI, NewJobRequest, StartProcessingRequest, WaitOptions)} with {@code finishIn}: a sandbox
   * job without it never finishes.
   *
   * @return the finished job info; {@link #transcript(JobInfo)} fetches its text
   */
  public JobInfo transcribe(URI mediaUrl, NewJobRequest job) {
    return transcribe(mediaUrl, job, null, WaitOptions.defaults());
  }

  /** As {@link VerbitJobs#transcribe(URI, NewJobRequest, StartProcessingRequest, WaitOptions)}. */
  public JobInfo transcribe(URI mediaUrl, NewJobRequest job, StartProcessingRequest start, WaitOptions wait) {
    return jobs.transcribe(mediaUrl, job, start, wait);
  }

  /**
   * From a local audio or video file to a finished job: create, upload the file (streamed, never read into memory),
   * add it as the job's media, start processing (no options), wait with {@link WaitOptions#defaults()}. See
   * {@link VerbitJobs#transcribe(BinaryBody, NewJobRequest, StartProcessingRequest, WaitOptions)}.
   */
  public JobInfo transcribe(java.nio.file.Path file, NewJobRequest job) {
    return transcribe(file == null ? null : dev.sttclients.runtime.BinaryBody.of(file), job, null, WaitOptions.defaults());
  }

  /** As {@link VerbitJobs#transcribe(dev.sttclients.runtime.BinaryBody, NewJobRequest, StartProcessingRequest, WaitOptions)}. */
  public JobInfo transcribe(dev.sttclients.runtime.BinaryBody media, NewJobRequest job, StartProcessingRequest start,
      WaitOptions wait) {
    return jobs.transcribe(media, job, start, wait);
  }

  /** The plain-text transcript of a Completed job ({@code get_caption}, {@code txt}), at most 16 MiB. */
  public String transcript(JobInfo job) {
    if (job == null || job.getId() == null) {
      throw new dev.sttclients.runtime.errors.RequestValidationException(PROFILE.name(), "getCaption", java.util.List.of(
          new dev.sttclients.runtime.errors.Violation("job.id", "null", "must not be null")));
    }
    return jobs.transcript(job.getId());
  }

  /**
   * The generated jobs API, one method per operation of the spec, taking {@code v} explicitly and
   * offering {@code ...WithResponse} variants (status, headers, attempts).
   */
  public JobsApi jobsApi() {
    return jobsApi;
  }

  /** The API version this client sends as {@code v}. */
  public int apiVersion() {
    return apiVersion;
  }

  /**
   * Builds a {@link VerbitClient}. Base URL: {@link #production()} (the default), {@link #sandbox()} or
   * any {@link #baseUrl(String)}; the last call wins. Credential: {@link #apiKey(String)} (or
   * {@code VERBIT_API_KEY}) or {@link #bearerToken(String)}, not both.
   */
  public static final class Builder extends SttClientBuilder<Builder, VerbitClient> {
    private int apiVersion = DEFAULT_API_VERSION;
    private boolean apiKeyGiven;
    private boolean bearer;
    private boolean legacyQuery;

    private Builder() {}

    @Override
    protected VendorProfile profile() {
      return PROFILE;
    }

    /**
     * The API token from the Verbit "My account" page, sent as {@code Authorization: ApiToken <key>}. Null means
     * none given here: {@code VERBIT_API_KEY} is read instead (see {@link SttClientBuilder#apiKey(String)}).
     */
    @Override
    public Builder apiKey(String apiKey) {
      super.apiKey(apiKey);
      this.apiKeyGiven = apiKey != null;
      return this;
    }

    /**
     * An OAuth 2.0 access token, sent as {@code Authorization: Bearer <token>}, instead of an API key.
     *
     * @throws IllegalArgumentException for a null or blank token
     */
    public Builder bearerToken(String token) {
      if (token == null) {
        throw new IllegalArgumentException("verbit: bearerToken(null): an OAuth access token is required");
      }
      super.apiKey(token);
      this.bearer = true;
      return this;
    }

    /**
     * Sends the API key as the legacy query parameter {@code api_token} instead of the header. Discouraged:
     * URLs end up in proxy and server logs. The client itself never prints it (no query string appears
     * in its messages or logs). Only with an API key, not with {@link #bearerToken(String)}.
     */
    public Builder legacyQueryAuth() {
      this.legacyQuery = true;
      return this;
    }

    /** Uses {@value VerbitClient#SANDBOX_URL}. */
    public Builder sandbox() {
      return baseUrl(SANDBOX_URL);
    }

    /** Uses {@value VerbitClient#PRODUCTION_URL} (the default). */
    public Builder production() {
      return baseUrl(PRODUCTION_URL);
    }

    /** The API version sent as {@code v} on every call; default {@value VerbitClient#DEFAULT_API_VERSION}. */
    public Builder apiVersion(int version) {
      if (version < 1) {
        throw new IllegalArgumentException("apiVersion must be at least 1, was " + version);
      }
      this.apiVersion = version;
      return this;
    }

    /**
     * @throws IllegalStateException when no credential is set, or both an API key and a bearer token are,
     *     or legacy query auth is combined with a bearer token
     */
    @Override
    public VerbitClient build() {
      if (bearer && apiKeyGiven) {
        throw new IllegalStateException("verbit: both apiKey(...) and bearerToken(...) were set: choose one");
      }
      if (bearer && legacyQuery) {
        throw new IllegalStateException("verbit: legacyQueryAuth() sends an API key, not a bearer token: "
            + "use apiKey(...) with it, or drop it");
      }
      if (bearer) {
        authScheme(AuthScheme.bearer());
      } else if (legacyQuery) {
        authScheme(AuthScheme.query("api_token"));
      }
      return new VerbitClient(buildRuntime(), apiVersion);
    }
  }
}
