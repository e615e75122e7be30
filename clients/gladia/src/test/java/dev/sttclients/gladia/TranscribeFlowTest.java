package dev.sttclients.gladia;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.gladia.model.DiarizationConfig;
import dev.sttclients.gladia.model.InitTranscriptionRequest;
import dev.sttclients.gladia.model.LanguageConfig;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.gladia.model.TranscriptionLanguageCode;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.ServerException;
import dev.sttclients.runtime.waiter.JobState;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a local file to the transcript against a loopback server that plays Gladia: upload (multipart, streamed),
 * create, poll through queued and processing to done, read the typed result, delete. Asserts every request the
 * client sent (method, path, key header, body) and what the user gets.
 */
class TranscribeFlowTest {
  @RegisterExtension
  static WireMockExtension gladiaServer = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
      .build();

  private static final String KEY = "gladia-flow-test-key";
  private static final String ID = "0777a4fc-0b7e-40fb-9d37-690bdd83c9c6";
  private static final String AUDIO_URL = "https://api.gladia.io/file/6c09400e-23d2-4bd2-be55-96a5ececfa3b";
  private static final byte[] AUDIO = "RIFF\u0024\u0000\u0000\u0000WAVEfmt a short meeting".getBytes(StandardCharsets.ISO_8859_1);
  private static final String UPLOADED = """
      {"audio_url": "%s", "audio_metadata": {"id": "6c09400e-23d2-4bd2-be55-96a5ececfa3b",
       "filename": "meeting.wav", "extension": "wav", "size": %d, "audio_duration": 4.145782, "number_of_channels": 1}}
      """.formatted(AUDIO_URL, AUDIO.length);

  @TempDir
  Path dir;

  private GladiaClient gladia;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private WaitOptions wait;

  @BeforeEach
  void setUp() {
    gladia = GladiaClient.builder().apiKey(KEY).baseUrl(gladiaServer.baseUrl()).build();
    wait = WaitOptions.builder().sleeper(waits::add).jitter(0).build();
  }

  @AfterEach
  void tearDown() {
    gladia.close();
  }

  private static String job(String status, String extra) {
    return """
        {"id": "%s", "request_id": "G-0777a4fc", "version": 2, "status": "%s", "kind": "pre-recorded",
         "created_at": "2024-01-03T11:11:03.872Z", "post_session_metadata": {}, "custom_metadata": {"ref": "r-42"}%s}
        """.formatted(ID, status, extra);
  }

  private static final String DONE = job("done", """
      , "completed_at": "2024-01-03T11:11:14.962Z", "error_code": null,
       "result": {"metadata": {"audio_duration": 4.1, "number_of_distinct_channels": 1, "billing_time": 4.1,
         "transcription_time": 2.5},
         "transcription": {"full_transcript": "Split infinity in a time when less is more.", "languages": ["en"],
           "utterances": [{"text": "Split infinity in a time when less is more.", "language": "en", "start": 0.21,
             "end": 4.71, "confidence": 0.84, "channel": 0, "speaker": 0,
             "words": [{"word": "Split", "start": 0.21, "end": 0.69, "confidence": 1}]}]}}""");

  private void playGladia(String finalState) {
    gladiaServer.stubFor(post(urlEqualTo("/v2/upload")).willReturn(okJson(UPLOADED)));
    gladiaServer.stubFor(post(urlEqualTo("/v2/pre-recorded")).willReturn(okJson(
        "{\"id\": \"" + ID + "\", \"result_url\": \"https://api.gladia.io/v2/transcription/" + ID + "\"}")
        .withStatus(201)));
    String path = "/v2/pre-recorded/" + ID;
    gladiaServer.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(job("queued", ""))).willSetStateTo("processing"));
    gladiaServer.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs("processing")
        .willReturn(okJson(job("processing", ""))).willSetStateTo("finished"));
    gladiaServer.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs("finished")
        .willReturn(okJson(finalState)));
    gladiaServer.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(202)));
  }

  @Test
  void fromALocalFileToTheTranscriptThenDelete() throws IOException {
    playGladia(DONE);
    Path audio = Files.write(dir.resolve("meeting.wav"), AUDIO);
    InitTranscriptionRequest options = new InitTranscriptionRequest()
        .diarization(true).diarizationConfig(new DiarizationConfig().minSpeakers(1).maxSpeakers(2))
        .languageConfig(new LanguageConfig().languages(List.of(TranscriptionLanguageCode.EN)))
        .customMetadata(Map.of("ref", "r-42"));

    PreRecordedJob job = gladia.transcribe(audio, options, wait);
    gladia.preRecorded().delete(job.getId().toString());

    // What the user gets: the typed finished job.
    assertEquals("Split infinity in a time when less is more.", job.getResult().getTranscription().getFullTranscript());
    assertEquals(JobState.SUCCEEDED, job.getStatus().jobState());
    assertEquals("Split", job.getResult().getTranscription().getUtterances().get(0).getWords().get(0).getWord());
    assertEquals(null, options.getAudioUrl(), "the caller's options are not modified");

    // What was sent, in order: upload, create, three polls (queued, processing, done), delete.
    List<LoggedRequest> sent = gladiaServer.findAll(anyRequestedFor(anyUrl()));
    assertEquals(List.of("POST /v2/upload", "POST /v2/pre-recorded", "GET /v2/pre-recorded/" + ID,
        "GET /v2/pre-recorded/" + ID, "GET /v2/pre-recorded/" + ID, "DELETE /v2/pre-recorded/" + ID),
        sent.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    sent.forEach(r -> assertEquals(KEY, r.getHeader("x-gladia-key"), r.getUrl()));
    gladiaServer.verify(postRequestedFor(urlEqualTo("/v2/upload"))
        .withHeader("Content-Type", matching("multipart/form-data; boundary=.+"))
        .withHeader("Content-Length", equalTo(String.valueOf(sent.get(0).getBody().length)))
        .withHeader("Transfer-Encoding", absent())
        .withRequestBodyPart(aMultipart().withName("audio").withBody(binaryEqualTo(AUDIO)).build()));
    assertTrue(sent.get(0).getBodyAsString().contains("name=\"audio\"; filename=\"meeting.wav\""));
    gladiaServer.verify(postRequestedFor(urlEqualTo("/v2/pre-recorded"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"audio_url": "%s", "diarization": true, "diarization_config": {"min_speakers": 1, "max_speakers": 2},
             "language_config": {"languages": ["en"]}, "custom_metadata": {"ref": "r-42"}}
            """.formatted(AUDIO_URL))));
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits, "backoff between the polls");
  }

  @Test
  void aFailedJobThrowsWithTheJob() throws IOException {
    playGladia(job("error", ", \"completed_at\": \"2024-01-03T11:11:05.000Z\", \"error_code\": 422"));
    JobFailedException e = assertThrows(JobFailedException.class,
        () -> gladia.transcribe(Files.write(dir.resolve("a.wav"), AUDIO), null, wait));
    assertEquals(JobState.FAILED, e.state());
    assertEquals("error_code 422", e.failureMessage().orElseThrow());
    assertEquals(422, e.job(PreRecordedJob.class).getErrorCode());
    gladiaServer.verify(postRequestedFor(urlEqualTo("/v2/pre-recorded"))
        .withRequestBody(equalToJson("{\"audio_url\": \"" + AUDIO_URL + "\"}")));
  }

  @Test
  void aMissingFileFailsBeforeAnythingIsSent() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> gladia.transcribe(dir.resolve("missing.wav")));
    assertEquals("audio", e.violations().get(0).field());
    assertEquals(dir.resolve("missing.wav").toString(), e.violations().get(0).value());
    assertEquals("must be an existing file", e.violations().get(0).rule());
    assertEquals(0, gladiaServer.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aFileOverGladiasDocumentedLimitFailsBeforeAnythingIsSent() throws IOException {
    Path big = dir.resolve("long.wav");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(1_048_576_001L); // sparse: one byte over 1000 MiB, nothing written to disk
    }
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> gladia.transcribe(big));
    assertEquals("audio", e.violations().get(0).field());
    assertTrue(e.violations().get(0).rule().startsWith("must be at most 1048576000 bytes"), e.getMessage());
    assertEquals(0, gladiaServer.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void badOptionsFailBeforeTheUpload() throws IOException {
    Path audio = Files.write(dir.resolve("meeting.wav"), AUDIO);
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> gladia.transcribe(audio,
        new InitTranscriptionRequest().diarizationConfig(new DiarizationConfig().numberOfSpeakers(0)), wait));
    assertTrue(e.getMessage().contains("numberOfSpeakers") || e.getMessage().contains("number_of_speakers"),
        e.getMessage());
    assertEquals(0, gladiaServer.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void aCreateThatFailsIsNeitherRetriedNorUploadedAgain() throws IOException {
    gladiaServer.stubFor(post(urlEqualTo("/v2/upload")).willReturn(okJson(UPLOADED)));
    gladiaServer.stubFor(post(urlEqualTo("/v2/pre-recorded")).willReturn(aResponse().withStatus(503)));
    ServerException e = assertThrows(ServerException.class,
        () -> gladia.transcribe(Files.write(dir.resolve("a.wav"), AUDIO), null, wait));
    assertEquals(1, e.attempts());
    gladiaServer.verify(1, postRequestedFor(urlEqualTo("/v2/upload")));
    gladiaServer.verify(1, postRequestedFor(urlEqualTo("/v2/pre-recorded")));
    gladiaServer.verify(0, getRequestedFor(urlEqualTo("/v2/pre-recorded/" + ID)));
  }

  @Test
  void audioAlreadyOnlineSkipsTheUpload() {
    playGladia(DONE);
    PreRecordedJob job = gladia.transcribe(java.net.URI.create("https://media.example.com/meeting.mp4"), null, wait);
    assertSame(JobState.SUCCEEDED, job.getStatus().jobState());
    gladiaServer.verify(0, postRequestedFor(urlEqualTo("/v2/upload")));
    gladiaServer.verify(postRequestedFor(urlEqualTo("/v2/pre-recorded"))
        .withRequestBody(equalToJson("{\"audio_url\": \"https://media.example.com/meeting.mp4\"}")));
    gladiaServer.verify(0, deleteRequestedFor(anyUrl()));
  }
}
