package dev.sttclients.verbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.waiter.JobState;
import dev.sttclients.runtime.waiter.WaitOptions;
import dev.sttclients.verbit.model.AddAssetRequest;
import dev.sttclients.verbit.model.AddAssetResponse;
import dev.sttclients.verbit.model.CaptionFormat;
import dev.sttclients.verbit.model.JobInfo;
import dev.sttclients.verbit.model.JobStatus;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.StartProcessingRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verbit's post-production flow from a media URL to the transcript text against a local server that plays Verbit:
 * create, add media, start processing, poll info through the states, download the transcript (get_caption),
 * the draft, a caption format that redirects to another host; a failed and a canceled job; the 400 of a transcript
 * asked for too early. Asserts what was sent (method, URL with v and job_id, credential, body) and the typed results.
 */
class TranscribeFlowTest extends LocalVerbit {
  private static final String TEXT = "Speaker 1: Welcome to the board meeting.\nSpeaker 2: Merci, ça commence.\n";
  /** Another origin: where Verbit redirects media formats. */
  static WireMockServer storage;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startStorage() {
    storage = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyAcceptors(1));
    storage.start();
  }

  @org.junit.jupiter.api.BeforeEach
  void resetStorage() {
    storage.resetAll();
  }

  @AfterAll
  static void stopStorage() {
    storage.stop();
  }

  private WaitOptions fakeTime() {
    return WaitOptions.builder().sleeper(sleeps::add).jitter(0).build();
  }

  private static String info(long id, String status, String errors) {
    return "{\"id\":" + id + ",\"name\":\"board-meeting.mp4\",\"profile\":\"Standard\",\"external_id\":\"db-4711\","
        + "\"language\":\"en-US\",\"job_status\":\"" + status + "\",\"draft_ready\":true,\"errors\":" + errors + "}";
  }

  /** A job that goes Pending until started, then In Progress, then {@code last}. */
  private static void playJob(long id, String last, String errors) {
    String job = String.valueOf(id);
    String scenario = "job-" + id;
    server.stubFor(post(urlPathEqualTo("/api/job/new"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"job_id\":" + id + "}")));
    server.stubFor(post(urlPathEqualTo("/api/job/add_media")).withQueryParam("job_id", equalTo(job))
        .willReturn(okJson("{}")));
    server.stubFor(post(urlPathEqualTo("/api/job/perform_transcription")).withQueryParam("job_id", equalTo(job))
        .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("started").willReturn(okJson("{}")));
    server.stubFor(get(urlPathEqualTo("/api/job/info")).withQueryParam("job_id", equalTo(job))
        .inScenario(scenario).whenScenarioStateIs(STARTED).willReturn(okJson(info(id, "Pending", "[]"))));
    server.stubFor(get(urlPathEqualTo("/api/job/info")).withQueryParam("job_id", equalTo(job))
        .inScenario(scenario).whenScenarioStateIs("started").willSetStateTo("in-progress")
        .willReturn(okJson(info(id, "In Progress", "[]"))));
    server.stubFor(get(urlPathEqualTo("/api/job/info")).withQueryParam("job_id", equalTo(job))
        .inScenario(scenario).whenScenarioStateIs("in-progress").willSetStateTo("done")
        .willReturn(okJson(info(id, "In Progress", "[]"))));
    server.stubFor(get(urlPathEqualTo("/api/job/info")).withQueryParam("job_id", equalTo(job))
        .inScenario(scenario).whenScenarioStateIs("done").willReturn(okJson(info(id, last, errors))));
  }

  @Test
  void fromAMediaUrlToTheTranscriptText() {
    playJob(4711, "Completed", "[]");
    server.stubFor(get(urlPathEqualTo("/api/job/get_caption")).withQueryParam("caption_format", equalTo("txt"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
            .withBody(TEXT.getBytes(StandardCharsets.UTF_8))));

    try (VerbitClient verbit = client().build()) {
      JobInfo done = verbit.transcribe(URI.create("https://media.example.com/board-meeting.mp4"),
          new NewJobRequest().profile("Standard").jobName("board-meeting.mp4").externalId("db-4711"),
          new StartProcessingRequest().callbackUrl("https://hooks.example.com/verbit"), fakeTime());

      assertEquals(JobStatus.COMPLETED, done.getJobStatus());
      assertEquals(4711L, done.getId());
      assertEquals("db-4711", done.getExternalId());
      assertEquals(true, done.getDraftReady());
      assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps, "waits after two In Progress");
      assertEquals(TEXT, verbit.transcript(done));
    }

    List<LoggedRequest> seen = requests();
    assertEquals(List.of("POST /api/job/new?v=4", "POST /api/job/add_media?v=4&job_id=4711",
        "POST /api/job/perform_transcription?v=4&job_id=4711", "GET /api/job/info?v=4&job_id=4711",
        "GET /api/job/info?v=4&job_id=4711", "GET /api/job/info?v=4&job_id=4711",
        "GET /api/job/get_caption?v=4&job_id=4711&caption_format=txt"),
        seen.stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList());
    assertJsonBody("{\"profile\":\"Standard\",\"job_name\":\"board-meeting.mp4\",\"external_id\":\"db-4711\"}",
        seen.get(0));
    assertJsonBody("{\"media_url\":\"https://media.example.com/board-meeting.mp4\"}", seen.get(1));
    assertJsonBody("{\"callback_url\":\"https://hooks.example.com/verbit\"}", seen.get(2));
    for (LoggedRequest r : seen) {
      assertEquals("ApiToken " + KEY, r.getHeader("Authorization"), r.getUrl());
    }
  }

  @Test
  void theSandboxFlowFinishesThroughFinishIn() {
    server.stubFor(post(urlPathEqualTo("/api/job/new")).willReturn(okJson("{\"job_id\":9}")));
    server.stubFor(post(urlPathEqualTo("/api/job/add_media")).willReturn(okJson("{}")));
    server.stubFor(post(urlPathEqualTo("/api/job/perform_transcription"))
        .withRequestBody(equalToJson("{\"finish_in\":0}")).inScenario("sandbox")
        .whenScenarioStateIs(STARTED).willSetStateTo("complete").willReturn(okJson("{}")));
    server.stubFor(get(urlPathEqualTo("/api/job/info")).inScenario("sandbox").whenScenarioStateIs("complete")
        .willReturn(okJson(info(9, "Complete", "[]"))));

    try (VerbitClient verbit = client().sandbox().baseUrl(baseUrl()).build()) {
      JobInfo done = verbit.transcribe(URI.create("https://media.example.com/a.mp3"),
          new NewJobRequest().profile("Standard"), new StartProcessingRequest().finishIn(0), fakeTime());
      assertEquals(JobStatus.COMPLETE, done.getJobStatus());
    }
    assertEquals(List.of(), sleeps, "finished at the first poll");
  }

  @Test
  void aFailedJobThrowsWithItsErrorsAndACanceledOneToo() {
    playJob(5001, "Failure", "[{\"code\":\"failed_transcoding\",\"message\":\"Transcoding error\"}]");
    try (VerbitClient verbit = client().build()) {
      JobFailedException e = assertThrows(JobFailedException.class, () -> verbit.transcribe(
          URI.create("https://media.example.com/corrupted.mp4"), new NewJobRequest().profile("Standard"), null,
          fakeTime()));
      assertEquals(JobState.FAILED, e.state());
      assertEquals("Failure", e.rawStatus());
      assertTrue(e.failureMessage().orElseThrow().contains("failed_transcoding"), e.failureMessage().orElseThrow());
      assertEquals("Transcoding error", e.job(JobInfo.class).getErrors().get(0).getMessage());
    }
    assertJsonBody("{}", requests().get(2));

    server.resetAll();
    playJob(5002, "Canceled", "[]");
    try (VerbitClient verbit = client().build()) {
      JobFailedException e = assertThrows(JobFailedException.class, () -> verbit.transcribe(
          URI.create("https://media.example.com/a.mp4"), new NewJobRequest().profile("Standard"), null, fakeTime()));
      assertEquals(JobState.CANCELED, e.state());
      assertEquals(5002L, e.job(JobInfo.class).getId());
    }
  }

  @Test
  void aTranscriptAskedForTooEarlyIsVerbitsTypedError() {
    server.stubFor(get(urlPathEqualTo("/api/job/get_caption")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ErrorType\":\"INVALID_QUERY\",\"ErrorComment\":\"Job is not completed\"}")));
    try (VerbitClient verbit = client().build()) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> verbit.jobs().transcript(77));
      assertEquals("INVALID_QUERY", e.errorType().orElseThrow());
      assertEquals("Job is not completed", e.vendorMessage().orElseThrow());
      assertEquals(1, e.attempts());
    }
  }

  @Test
  void captionsAndDraftsStreamInTheAskedFormatAndMediaRedirectsLeaveTheKeyBehind() throws Exception {
    server.stubFor(get(urlPathEqualTo("/api/job/get_caption")).withQueryParam("caption_format", equalTo("srt"))
        .withQueryParam("language", equalTo("fr-FR"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-subrip")
            .withBody("1\n00:00:00,000 --> 00:00:02,000\nBonjour.\n")));
    server.stubFor(get(urlPathEqualTo("/api/job/draft")).withQueryParam("caption_format", equalTo("json"))
        .willReturn(okJson("{\"version\":1,\"kind\":\"transcript\",\"segments\":[]}")));
    server.stubFor(get(urlPathEqualTo("/api/job/get_caption")).withQueryParam("caption_format", equalTo("mp4"))
        .willReturn(aResponse().withStatus(302).withHeader("Location",
            "http://127.0.0.1:" + storage.port() + "/media/4711.mp4?sig=abc")));
    storage.stubFor(get(urlPathEqualTo("/media/4711.mp4")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "video/mp4").withBody(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'})));

    try (VerbitClient verbit = client().build()) {
      try (BinaryResponse srt = verbit.jobs().getCaption(4711, CaptionFormat.SRT, "fr-FR",
          dev.sttclients.runtime.RequestOptions.none())) {
        assertEquals("application/x-subrip", srt.contentType().orElseThrow());
        assertTrue(new String(srt.body().readAllBytes(), StandardCharsets.UTF_8).contains("Bonjour."));
      }
      try (BinaryResponse draft = verbit.jobs().getDraft(4711, CaptionFormat.JSON)) {
        assertTrue(new String(draft.body().readAllBytes(), StandardCharsets.UTF_8).contains("\"kind\":\"transcript\""));
      }
      try (BinaryResponse mp4 = verbit.jobs().getCaption(4711, CaptionFormat.MP4)) {
        assertEquals(8, mp4.body().readAllBytes().length);
      }
    }
    assertEquals("GET /api/job/get_caption?v=4&job_id=4711&caption_format=srt&language=fr-FR",
        requests().get(0).getMethod().getName() + " " + requests().get(0).getUrl());
    storage.verify(1, getRequestedFor(urlPathEqualTo("/media/4711.mp4")).withoutHeader("Authorization"));
  }

  @Test
  void addAssetRegistersAFileAndAnswersItsUploadUrl() {
    server.stubFor(post(urlPathEqualTo("/api/job/add_asset")).willReturn(okJson(
        "{\"asset_id\":\"a-1f2e3d\",\"upload_url\":\"https://uploads.example.com/a-1f2e3d?sig=1\"}")));
    try (VerbitClient verbit = client().build()) {
      AddAssetResponse asset = verbit.jobs().addAsset(4711, new AddAssetRequest().fileName("board-meeting.mp4"));
      assertEquals("a-1f2e3d", asset.getAssetId());
      assertEquals("https://uploads.example.com/a-1f2e3d?sig=1", asset.getUploadUrl());
    }
    assertEquals("POST /api/job/add_asset?v=4&job_id=4711",
        requests().get(0).getMethod().getName() + " " + requests().get(0).getUrl());
    assertJsonBody("{\"file_name\":\"board-meeting.mp4\"}", requests().get(0));
  }

  @Test
  void transcribeChecksEveryRequestBeforeCreatingAnything() {
    try (VerbitClient verbit = client().build()) {
      RequestValidationException e = assertThrows(RequestValidationException.class, () -> verbit.transcribe(
          URI.create("ftp://media.example.com/a.mp4"), new NewJobRequest().profile(""),
          new StartProcessingRequest().finishIn(901), fakeTime()));
      assertEquals(List.of("job.profile", "mediaUrl", "start.finish_in"),
          e.violations().stream().map(v -> v.field()).sorted().toList());
      assertEquals(0, e.attempts());
      assertThrows(RequestValidationException.class, () -> verbit.transcribe((URI) null,
          new NewJobRequest().profile("Standard")));
      assertThrows(RequestValidationException.class, () -> verbit.transcribe(URI.create("https://a.example/x"), null));
    }
    assertTrue(requests().isEmpty(), "nothing sent, no job created");
    assertFalse(server.getAllServeEvents().stream().anyMatch(e -> true));
  }

  @TempDir
  Path tmp;

  /** 2 MiB of noise standing in for audio. */
  private Path audioFile() throws IOException {
    byte[] audio = new byte[2 * 1024 * 1024];
    new Random(42).nextBytes(audio);
    return Files.write(tmp.resolve("board meeting.wav"), audio);
  }

  @Test
  void fromALocalFileUploadedToThePresignedUrlToTheTranscriptText() throws IOException {
    Path file = audioFile();
    playJob(6001, "Completed", "[]");
    String uploadUrl = "http://127.0.0.1:" + storage.port() + "/uploads/a-77?X-Amz-Expires=86400&X-Amz-Signature=f00";
    server.stubFor(post(urlPathEqualTo("/api/job/add_asset")).willReturn(okJson(
        "{\"asset_id\":\"a-77\",\"upload_url\":\"" + uploadUrl + "\"}")));
    storage.stubFor(put(urlPathEqualTo("/uploads/a-77")).willReturn(aResponse().withStatus(200)));
    server.stubFor(get(urlPathEqualTo("/api/job/get_caption")).willReturn(aResponse().withStatus(200)
        .withBody(TEXT.getBytes(StandardCharsets.UTF_8))));

    try (VerbitClient verbit = client().build()) {
      JobInfo done = verbit.transcribe(BinaryBody.of(file).withContentType("audio/wav"),
          new NewJobRequest().profile("Standard"), null, fakeTime());
      assertEquals(JobStatus.COMPLETED, done.getJobStatus());
      assertEquals(TEXT, verbit.transcript(done));
    }

    List<LoggedRequest> seen = requests();
    assertEquals(List.of("POST /api/job/new?v=4", "POST /api/job/add_asset?v=4&job_id=6001",
        "POST /api/job/add_media?v=4&job_id=6001", "POST /api/job/perform_transcription?v=4&job_id=6001"),
        seen.subList(0, 4).stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList());
    assertJsonBody("{\"file_name\":\"board meeting.wav\"}", seen.get(1));
    assertJsonBody("{\"asset_ids\":[\"a-77\"]}", seen.get(2));
    LoggedRequest upload = storage.findAll(putRequestedFor(urlPathEqualTo("/uploads/a-77"))).get(0);
    assertEquals("/uploads/a-77?X-Amz-Expires=86400&X-Amz-Signature=f00", upload.getUrl());
    assertTrue(Arrays.equals(Files.readAllBytes(file), upload.getBody()), "the file's bytes, unchanged");
    assertEquals(String.valueOf(Files.size(file)), upload.getHeader("Content-Length"));
    assertEquals("audio/wav", upload.getHeader("Content-Type"));
    assertFalse(upload.containsHeader("Authorization"), "the credential never goes to the upload URL");
  }

  @Test
  void uploadStreamsAStreamOnceAndChecksTheFileBeforeAnyRequest() throws IOException {
    byte[] audio = "RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
    server.stubFor(post(urlPathEqualTo("/api/job/add_asset")).willReturn(okJson(
        "{\"asset_id\":\"a-1\",\"upload_url\":\"http://127.0.0.1:" + storage.port() + "/uploads/a-1?sig=2\"}")));
    storage.stubFor(put(urlPathEqualTo("/uploads/a-1")).willReturn(aResponse().withStatus(200)));
    try (VerbitClient verbit = client().build()) {
      BinaryBody stream = BinaryBody.of(new ByteArrayInputStream(audio), audio.length, "clip.wav");
      assertEquals("a-1", verbit.jobs().upload(12, stream));
      RequestValidationException again = assertThrows(RequestValidationException.class,
          () -> verbit.jobs().upload(12, stream));
      assertEquals("media", again.violations().get(0).field());
      RequestValidationException missing = assertThrows(RequestValidationException.class, () -> verbit.transcribe(
          tmp.resolve("nope.wav"), new NewJobRequest().profile("Standard")));
      assertEquals("media", missing.violations().get(0).field());
      assertEquals("must be an existing file", missing.violations().get(0).rule());
    }
    assertEquals(1, requests().size(), "one add_asset: nothing sent for the refused calls");
    assertJsonBody("{\"file_name\":\"clip.wav\"}", requests().get(0));
    assertTrue(Arrays.equals(audio, storage.findAll(putRequestedFor(urlPathEqualTo("/uploads/a-1"))).get(0).getBody()));
  }
}
