package dev.sttclients.gladia;

import dev.sttclients.gladia.model.GladiaError;
import dev.sttclients.gladia.model.InitTranscriptionRequest;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.AuthScheme;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.ClientRuntime;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.SttClientBuilder;
import dev.sttclients.runtime.VendorProfile;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Gladia's pre-recorded jobs API.
 *
 * <pre>{@code
 * try (GladiaClient gladia = GladiaClient.builder().apiKey(System.getenv("GLADIA_API_KEY")).build()) {
 *   PreRecordedJob job = gladia.transcribe(Path.of("meeting.wav"));           // upload, create, wait
 *   System.out.println(job.getResult().getTranscription().getFullTranscript());
 *   PreRecordedJob other = gladia.preRecorded().get("45463597-20b7-4af7-b3b3-f5fb778203ab");
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
   * Pre-recorded jobs: upload audio, create a job, get, list (one page, or every page with
   * {@link PreRecordedJobs#listAutoPaging}), download the original audio, delete, wait until done.
   */
  public PreRecordedJobs preRecorded() {
    return preRecorded;
  }

  /**
   * Transcribes a local audio or video file with Gladia's defaults and waits (with {@link WaitOptions#defaults()})
   * for the result: {@code job.getResult().getTranscription().getFullTranscript()}.
   *
   * @see #transcribe(BinaryBody, InitTranscriptionRequest, WaitOptions)
   */
  public PreRecordedJob transcribe(Path audio) {
    return transcribe(BinaryBody.of(Objects.requireNonNull(audio, "audio")), null, null);
  }

  /** As {@link #transcribe(BinaryBody, InitTranscriptionRequest, WaitOptions)}, from a file. */
  public PreRecordedJob transcribe(Path audio, InitTranscriptionRequest options, WaitOptions wait) {
    return transcribe(BinaryBody.of(Objects.requireNonNull(audio, "audio")), options, wait);
  }

  /**
   * Uploads the audio ({@code POST /v2/upload}, streamed), starts a job on it with these options
   * ({@code POST /v2/pre-recorded}; their {@code audio_url} is replaced by the upload's) and waits until it is done.
   * Built from the parts: {@link PreRecordedJobs#upload}, {@link PreRecordedJobs#create},
   * {@link PreRecordedJobs#waitUntilDone(Object, WaitOptions)}.
   *
   * <p>Everything is checked before the first byte is sent: the file (exists, readable, within Gladia's documented
   * 1000 MB) and the options ({@link dev.sttclients.runtime.errors.RequestValidationException}). Neither POST is
   * ever sent twice. Gladia documents no idempotency key: if the create fails after it may have reached Gladia
   * (a {@link dev.sttclients.runtime.errors.ConnectionException}), a job may exist; give the options a
   * {@code custom_metadata} reference of yours and look for it with {@code list} before transcribing again.
   *
   * @param options the job's options, or null for Gladia's defaults; not modified
   * @param wait how to wait, or null for {@link WaitOptions#defaults()}
   * @return the finished job (status {@code done})
   * @throws dev.sttclients.runtime.errors.JobFailedException the job ended in {@code error} (it carries the job)
   * @throws dev.sttclients.runtime.errors.SttException anything else, see {@link PreRecordedJobs}
   */
  public PreRecordedJob transcribe(BinaryBody audio, InitTranscriptionRequest options, WaitOptions wait) {
    Objects.requireNonNull(audio, "audio");
    InitTranscriptionRequest request = copy(options).audioUrl(PENDING_UPLOAD);
    preRecorded.validateCreate(request); // the options fail now, not after a long upload
    URI uploaded = preRecorded.upload(audio).getAudioUrl();
    return startAndWait(request.audioUrl(uploaded), wait);
  }

  /**
   * Transcribes audio that is already online (any public audio or video URL, or a Gladia URL from
   * {@link PreRecordedJobs#upload}): starts a job on it and waits until it is done. As
   * {@link #transcribe(BinaryBody, InitTranscriptionRequest, WaitOptions)}, without the upload.
   */
  public PreRecordedJob transcribe(URI audioUrl, InitTranscriptionRequest options, WaitOptions wait) {
    return startAndWait(copy(options).audioUrl(Objects.requireNonNull(audioUrl, "audioUrl")), wait);
  }

  private PreRecordedJob startAndWait(InitTranscriptionRequest request, WaitOptions wait) {
    String id = preRecorded.create(request).getId().toString();
    return preRecorded.waitUntilDone(id, wait == null ? WaitOptions.defaults() : wait);
  }

  /** Stands in for the upload's URL while the options are checked, before anything is sent. */
  private static final URI PENDING_UPLOAD = URI.create("https://api.gladia.io/file/pending-upload");

  /** A copy of the caller's options (never modified), or empty ones. */
  private static InitTranscriptionRequest copy(InitTranscriptionRequest options) {
    return options == null ? new InitTranscriptionRequest()
        : Json.mapper().convertValue(options, InitTranscriptionRequest.class);
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
