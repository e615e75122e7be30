package dev.sttclients.slng;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.runtime.BinaryBody;
import dev.sttclients.runtime.errors.ConflictException;
import dev.sttclients.runtime.errors.ConnectionException;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.waiter.JobState;
import dev.sttclients.runtime.waiter.WaitOptions;
import dev.sttclients.slng.api.BatchJobsApi.ListParams;
import dev.sttclients.slng.api.BatchJobsApi.UploadParams;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.slng.model.BatchJobStatus;
import dev.sttclients.slng.model.JobAcknowledgement;
import dev.sttclients.slng.model.JobSubmission;
import dev.sttclients.slng.model.NewBatchJob;
import dev.sttclients.slng.model.Tracking;
import dev.sttclients.slng.model.TranscriptionConfig;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a local file to the transcript against two loopback servers: one plays SLNG's Batch API, the other its object
 * storage (another origin, as S3 is). Presign -> PUT the file to storage -> create -> poll QUEUED, IN_PROGRESS,
 * DECODING, POST_PROCESSING, DONE -> files -> download the txt output -> delete. Asserts every request each server
 * received (method, path, headers: the API key to the API only, body) and the typed results.
 */
class TranscribeFlowTest {
  @RegisterExtension
  static WireMockExtension api = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();
  @RegisterExtension
  static WireMockExtension storage = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

  private static final String KEY = "slng-flow-test-key";
  private static final String JOB = "myjob123";
  private static final byte[] AUDIO = "RIFF\u0024\u0000\u0000\u0000WAVEfmt an SLNG meeting".getBytes(StandardCharsets.ISO_8859_1);
  private static final String TRANSCRIPT = "Hello and welcome. Let's start with the budget.\n";

  @TempDir
  Path dir;

  private SlngClient slng;
  private WaitOptions wait;

  @BeforeEach
  void setUp() {
    slng = SlngClient.builder().apiKey(KEY).baseUrl(api.baseUrl()).build();
    wait = WaitOptions.builder().sleeper(d -> { }).build();
  }

  @AfterEach
  void tearDown() {
    slng.close();
  }

  private String storageUrl(String path) {
    return storage.baseUrl() + path;
  }

  private static String job(String status, String extra) {
    return """
        {"job_id": "%s", "status": "%s", "model_code": "slng/speechmatics/batch:15.0.0",
         "job_config": {"type": "transcription", "transcription_config": {"language": "en", "diarization": "speaker"}},
         "submitted_at": "2026-04-13T12:00:00Z"%s}
        """.formatted(JOB, status, extra);
  }

  private void playSlng(String finalJob) {
    String upload = storageUrl("/slng-batch-input/inputs/" + JOB + "/meeting.wav") + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Signature=5ig%2Fnature&X-Amz-Expires=1800";
    api.stubFor(post(urlEqualTo("/v1/batch/jobs")).withRequestBody(matchingJsonPath("$.mode"))
        .willReturn(okJson("""
            {"job_id": "%s", "transcription_config": {"language": "en", "diarization": "speaker"},
             "input_s3_uri": "s3://slng-batch-input/inputs/%s/meeting.wav",
             "output_s3_prefix": "s3://slng-batch-output/outputs/%s/",
             "upload": {"url": "%s", "s3_key": "inputs/%s/meeting.wav", "s3_uri": "s3://slng-batch-input/inputs/%s/meeting.wav",
                        "expires_in": 1800, "headers": {"Content-Type": "audio/wav"}}}
            """.formatted(JOB, JOB, JOB, upload, JOB, JOB))));
    api.stubFor(post(urlEqualTo("/v1/batch/jobs")).withRequestBody(matchingJsonPath("$.s3_key"))
        .willReturn(okJson("{\"job_id\": \"" + JOB + "\", \"status\": \"QUEUED\"}").withStatus(202)));
    storage.stubFor(put(urlPathEqualTo("/slng-batch-input/inputs/" + JOB + "/meeting.wav"))
        .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"abc\"")));
    String path = "/v1/batch/jobs/" + JOB;
    List<String> states = List.of("QUEUED", "IN_PROGRESS", "DECODING", "POST_PROCESSING");
    for (int i = 0; i < states.size(); i++) {
      api.stubFor(get(urlEqualTo(path)).inScenario("job")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : states.get(i))
          .willReturn(okJson(job(states.get(i), ""))).willSetStateTo(i + 1 < states.size() ? states.get(i + 1) : "END"));
    }
    api.stubFor(get(urlEqualTo(path)).inScenario("job").whenScenarioStateIs("END").willReturn(okJson(finalJob)));
    api.stubFor(get(urlEqualTo(path + "/files")).willReturn(okJson("""
        {"job_id": "%s",
         "inputs": [{"key": "inputs/%s/meeting.wav", "s3_uri": "s3://slng-batch-input/inputs/%s/meeting.wav",
                     "download_url": "%s"}],
         "outputs": [{"format": "json", "key": "outputs/%s.json", "s3_uri": "s3://o/%s.json", "download_url": "%s"},
                     {"format": "txt", "key": "outputs/%s.txt", "s3_uri": "s3://o/%s.txt", "download_url": "%s"}]}
        """.formatted(JOB, JOB, JOB, storageUrl("/in/" + JOB + ".wav?X-Amz-Signature=in"), JOB, JOB,
        storageUrl("/out/" + JOB + ".json?X-Amz-Signature=j"), JOB, JOB, storageUrl("/out/" + JOB + ".txt?X-Amz-Signature=t")))));
    storage.stubFor(get(urlPathEqualTo("/out/" + JOB + ".txt")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(TRANSCRIPT)));
    api.stubFor(delete(urlEqualTo(path)).willReturn(okJson("{\"job_id\": \"" + JOB + "\", \"status\": \"DELETED\"}")
        .withStatus(202)));
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern matchingJsonPath(String path) {
    return com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(path);
  }

  private static final String DONE = job("DONE", ", \"completed_at\": \"2026-04-13T12:01:30Z\", \"error_message\": null");

  @Test
  void fromALocalFileToTheTranscriptThenDelete() throws IOException {
    playSlng(DONE);
    Path audio = Files.write(dir.resolve("meeting.wav"), AUDIO);
    NewBatchJob options = new NewBatchJob().jobId(JOB)
        .transcriptionConfig(new TranscriptionConfig().language("en").diarization(TranscriptionConfig.DiarizationEnum.SPEAKER))
        .modelCode("slng/speechmatics/batch:15.0.0").metadata(Map.of("customer", "acme"))
        .tracking(new Tracking().reference("ref-123"));

    BatchJob job = slng.transcribe(BinaryBody.of(audio).withContentType("audio/wav"), options, wait);
    String text = slng.batchJobs().transcriptText(job.getJobId()).orElseThrow();
    JobAcknowledgement deleted = slng.batchJobs().delete(job.getJobId());

    assertEquals(BatchJobStatus.DONE, job.getStatus());
    assertEquals(TRANSCRIPT, text);
    assertEquals("DELETED", deleted.getStatus());
    assertNull(options.getMode(), "the caller's options are not modified");

    // The API: presign, create, five polls, files, delete; every call with the key.
    List<LoggedRequest> toApi = api.findAll(anyRequestedFor(anyUrl()));
    String path = "/v1/batch/jobs/" + JOB;
    assertEquals(List.of("POST /v1/batch/jobs", "POST /v1/batch/jobs", "GET " + path, "GET " + path, "GET " + path,
        "GET " + path, "GET " + path, "GET " + path + "/files", "DELETE " + path),
        toApi.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    toApi.forEach(r -> assertEquals("Bearer " + KEY, r.getHeader("Authorization"), r.getUrl()));
    assertEquals(Json.parse("""
        {"mode": "presign", "filename": "meeting.wav", "content_type": "audio/wav", "job_id": "myjob123",
         "transcription_config": {"language": "en", "diarization": "speaker"}, "tracking": {"reference": "ref-123"}}
        """), Json.parse(toApi.get(0).getBodyAsString()));
    assertEquals(Json.parse("""
        {"s3_key": "inputs/myjob123/meeting.wav", "job_id": "myjob123", "model_code": "slng/speechmatics/batch:15.0.0",
         "transcription_config": {"language": "en", "diarization": "speaker"}, "metadata": {"customer": "acme"},
         "tracking": {"reference": "ref-123"}}
        """), Json.parse(toApi.get(1).getBodyAsString()));

    // The storage (another origin): the PUT with the signed URL and headers, and the download; never the key.
    List<LoggedRequest> toStorage = storage.findAll(anyRequestedFor(anyUrl()));
    assertEquals(List.of("PUT /slng-batch-input/inputs/myjob123/meeting.wav?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Signature=5ig%2Fnature&X-Amz-Expires=1800", "GET /out/myjob123.txt?X-Amz-Signature=t"),
        toStorage.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    toStorage.forEach(r -> {
      assertFalse(r.getAllHeaderKeys().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization")), r.getUrl());
      assertFalse(r.getHeaders().all().stream().anyMatch(h -> h.values().stream().anyMatch(v -> v.contains(KEY))));
    });
    LoggedRequest put = toStorage.get(0);
    assertEquals(List.of("audio/wav"), put.getHeaders().getHeader("Content-Type").values());
    assertEquals(String.valueOf(AUDIO.length), put.getHeader("Content-Length"));
    assertTrue(java.util.Arrays.equals(AUDIO, put.getBody()));
  }

  @Test
  void aFailedJobThrowsWithItsErrorMessage() throws IOException {
    playSlng(job("FAILED", ", \"error_message\": {\"message\": \"The audio file could not be decoded.\"}"));
    JobFailedException e = assertThrows(JobFailedException.class,
        () -> slng.transcribe(Files.write(dir.resolve("meeting.wav"), AUDIO), new NewBatchJob().jobId(JOB), wait));
    assertEquals(JobState.FAILED, e.state());
    assertEquals("The audio file could not be decoded.", e.failureMessage().orElseThrow());
    assertEquals(JOB, e.job(BatchJob.class).getJobId());
  }

  @Test
  void audioAlreadyOnlineIsOneCreateWithAJobIdTheClientChose() {
    api.stubFor(post(urlEqualTo("/v1/batch/jobs")).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"job_id\": \"" + JOB + "\", \"status\": \"QUEUED\"}")));
    api.stubFor(get(urlPathEqualTo("/v1/batch/jobs/" + JOB)).willReturn(okJson(DONE)));
    BatchJob done = slng.transcribe(URI.create("https://media.example.com/meeting.wav"),
        new NewBatchJob().jobId(JOB).transcriptionConfig(new TranscriptionConfig().language("de")), wait);
    assertEquals(BatchJobStatus.DONE, done.getStatus());
    api.verify(postRequestedFor(urlEqualTo("/v1/batch/jobs")).withRequestBody(equalToJson("""
        {"input_url": "https://media.example.com/meeting.wav", "job_id": "myjob123",
         "transcription_config": {"language": "de"}}""")));
  }

  @Test
  void withoutAJobIdTheClientMakesOneUpSoThatAnAmbiguousFailureNamesIt() {
    api.stubFor(post(urlEqualTo("/v1/batch/jobs")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ConnectionException e = assertThrows(ConnectionException.class,
        () -> slng.transcribe(URI.create("https://media.example.com/meeting.wav"), null, wait));
    assertEquals(1, e.attempts(), "a create is never sent twice");
    api.verify(1, postRequestedFor(urlEqualTo("/v1/batch/jobs")));
    String sentId = Json.parse(api.findAll(postRequestedFor(urlEqualTo("/v1/batch/jobs"))).get(0).getBodyAsString())
        .get("job_id").asText();
    assertTrue(sentId.matches("job[0-9a-f]{32}"), sentId);
    assertTrue(e.getMessage().endsWith("the job may exist: look it up with get(\"" + sentId + "\") before creating it"
        + " again"), e.getMessage());
    assertEquals("{\"input_url\":\"https://media.example.com/meeting.wav\",\"job_id\":\"" + sentId
        + "\",\"transcription_config\":{}}", api.findAll(postRequestedFor(urlEqualTo("/v1/batch/jobs"))).get(0)
        .getBodyAsString());
  }

  @Test
  void theFileItselfInOneMultipartRequest() throws IOException {
    api.stubFor(post(urlEqualTo("/v1/batch/jobs")).willReturn(okJson("{\"job_id\": \"" + JOB + "\", \"status\": \"QUEUED\"}")
        .withStatus(202)));
    JobSubmission queued = slng.batchJobs().upload(UploadParams.builder()
        .file(BinaryBody.of(Files.write(dir.resolve("meeting.wav"), AUDIO)).withContentType("audio/wav"))
        .transcriptionConfig(new TranscriptionConfig().language("en"))
        .jobId(JOB)
        .metadata("{\"customer\": \"acme\"}")
        .build());
    assertEquals("QUEUED", queued.getStatus());
    api.verify(postRequestedFor(urlEqualTo("/v1/batch/jobs"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("Content-Type", matching("multipart/form-data; boundary=.+"))
        .withRequestBodyPart(aMultipart().withName("file").withHeader("Content-Type", equalTo("audio/wav"))
            .withBody(binaryEqualTo(AUDIO)).build())
        .withRequestBodyPart(aMultipart().withName("transcription_config")
            .withHeader("Content-Type", containing("application/json")).withBody(equalToJson("{\"language\": \"en\"}")).build())
        .withRequestBodyPart(aMultipart().withName("job_id").withBody(equalTo(JOB)).build())
        .withRequestBodyPart(aMultipart().withName("metadata").withHeader("Content-Type", containing("application/json"))
            .withBody(equalToJson("{\"customer\": \"acme\"}")).build()));
  }

  @Test
  void aMissingFileOrOneOverOneGibFailsBeforeAnythingIsSent() throws IOException {
    RequestValidationException missing = assertThrows(RequestValidationException.class,
        () -> slng.transcribe(dir.resolve("missing.wav")));
    assertEquals("must be an existing file", missing.violations().get(0).rule());

    Path big = dir.resolve("big.wav");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength((1L << 30) + 1); // sparse: one byte over 1 GiB
    }
    RequestValidationException tooBig = assertThrows(RequestValidationException.class, () -> slng.transcribe(big));
    assertTrue(tooBig.violations().get(0).rule().startsWith("must be at most 1073741824 bytes"), tooBig.getMessage());
    RequestValidationException tooBigMultipart = assertThrows(RequestValidationException.class, () -> slng.batchJobs()
        .upload(BinaryBody.of(big), new TranscriptionConfig(), null, null, null, null, null));
    assertEquals("file", tooBigMultipart.violations().get(0).field());

    RequestValidationException badId = assertThrows(RequestValidationException.class, () -> slng.transcribe(
        Files.write(dir.resolve("a.wav"), AUDIO), new NewBatchJob().jobId("not-alphanumeric"), wait));
    assertTrue(badId.getMessage().contains("not-alphanumeric"), badId.getMessage());

    assertEquals(0, api.findAll(anyRequestedFor(anyUrl())).size());
    assertEquals(0, storage.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void anExpiredUploadUrlIsTheStoragesErrorAndNoJobIsCreated() throws IOException {
    playSlng(DONE);
    storage.stubFor(put(urlPathEqualTo("/slng-batch-input/inputs/" + JOB + "/meeting.wav")).willReturn(aResponse()
        .withStatus(403).withHeader("Content-Type", "application/xml").withBody(
            "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> slng.transcribe(Files.write(dir.resolve("meeting.wav"), AUDIO), new NewBatchJob().jobId(JOB), wait));
    assertTrue(e.rawBody().contains("Request has expired"), e.getMessage());
    assertEquals(403, e.statusCode());
    api.verify(1, postRequestedFor(urlEqualTo("/v1/batch/jobs"))); // the presign only: no job
  }

  @Test
  void deletingAJobThatIsNotFinishedIsAConflict() {
    api.stubFor(delete(urlEqualTo("/v1/batch/jobs/" + JOB)).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Job must be DONE or FAILED to delete\"}")));
    ConflictException e = assertThrows(ConflictException.class, () -> slng.batchJobs().delete(JOB));
    assertEquals("Job must be DONE or FAILED to delete", e.vendorMessage().orElseThrow());
  }

  @Test
  void listAutoPagingFollowsPageNumbersWithTheFilters() {
    for (int page = 1; page <= 3; page++) {
      api.stubFor(get(urlPathEqualTo("/v1/batch/jobs"))
          .withQueryParam("page", page == 1 ? com.github.tomakehurst.wiremock.client.WireMock.absent()
              : equalTo(String.valueOf(page)))
          .withQueryParam("status", equalTo("DONE,FAILED"))
          .willReturn(okJson("""
              {"items": [{"job_id": "p%da", "status": "DONE"}, {"job_id": "p%db", "status": "FAILED"}],
               "meta": {"page": %d, "page_size": 2, "total": 6, "pages": 3}}""".formatted(page, page, page))));
    }
    List<String> ids = slng.batchJobs().listAutoPaging(ListParams.builder()
            .status(BatchJobStatus.DONE, BatchJobStatus.FAILED).pageSize(2).build())
        .stream().map(BatchJob::getJobId).toList();
    assertEquals(List.of("p1a", "p1b", "p2a", "p2b", "p3a", "p3b"), ids);
    List<LoggedRequest> sent = api.findAll(anyRequestedFor(anyUrl()));
    assertEquals(List.of("/v1/batch/jobs?page_size=2&status=DONE,FAILED", "/v1/batch/jobs?page=2&page_size=2&status=DONE,FAILED",
        "/v1/batch/jobs?page=3&page_size=2&status=DONE,FAILED"), sent.stream().map(LoggedRequest::getUrl).toList());
  }

  /** JSON for comparisons. */
  private static final class Json {
    static com.fasterxml.jackson.databind.JsonNode parse(String s) {
      try {
        return dev.sttclients.runtime.Json.mapper().readTree(s);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
