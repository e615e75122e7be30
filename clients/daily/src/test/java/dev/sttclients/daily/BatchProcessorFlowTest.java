package dev.sttclients.daily;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.daily.api.BatchProcessorApi.ListParams;
import dev.sttclients.daily.model.AccessLink;
import dev.sttclients.daily.model.BatchProcessorAccessLinks;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.daily.model.BatchProcessorJobStatus;
import dev.sttclients.daily.model.BatchProcessorJobSummary;
import dev.sttclients.daily.model.BatchProcessorPreset;
import dev.sttclients.daily.model.SubmitJobRequest;
import dev.sttclients.daily.model.TranscriptTransform;
import dev.sttclients.daily.model.BatchProcessorTransformParams;
import dev.sttclients.runtime.BinaryResponse;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.MalformedResponseException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.waiter.JobState;
import dev.sttclients.runtime.waiter.WaitOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Daily's whole batch processor flow against two local servers: one plays Daily's API (submit, poll through
 * submitted -> processing -> finished, access links, delete, list), the other the S3 bucket the access links point
 * to. Asserts what was sent (method, path, headers, body), that the API key never reaches the bucket, and the typed
 * results: a finished job, a failed one, and the documented 400 for the links of a job that is not finished.
 */
class BatchProcessorFlowTest {
  private static final String KEY = "daily-flow-key-51c2";
  private static final String JOB_ID = "1dae15c5-6a85-4d65-ab00-4b19bb054b84";
  private static final String FAILED_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
  private static final String TRANSCRIPT = "Speaker 0: Good afternoon. My name is Anass Ali.\n"
      + "Speaker 1: Zaines is fine. Ça va très bien.\n";

  @RegisterExtension
  static WireMockExtension api = WireMockExtension.newInstance()
      .options(options().bindAddress("127.0.0.1").dynamicPort()).build();
  /** Another origin: the bucket of the access links. */
  @RegisterExtension
  static WireMockExtension bucket = WireMockExtension.newInstance()
      .options(options().bindAddress("127.0.0.1").dynamicPort()).build();

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private DailyClient client;

  private DailyClient client() {
    client = DailyClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + api.getPort() + "/v1")
        .sleeper(d -> { }).build();
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  /** Fake time: every wait is recorded, none is slept. */
  private WaitOptions fakeTime() {
    return WaitOptions.builder().sleeper(sleeps::add).jitter(0).build();
  }

  private static String job(String id, String status, String extra) {
    return "{\"id\":\"" + id + "\",\"preset\":\"transcript\",\"status\":\"" + status + "\","
        + "\"input\":{\"sourceType\":\"uri\",\"uri\":\"https://media.example.com/standup.mp4\",\"language\":\"fr\"}"
        + extra + "}";
  }

  private static final String OUTPUT = ",\"output\":{\"transcription\":["
      + "{\"format\":\"txt\",\"s3Config\":{\"key\":\"dom/" + JOB_ID + "/transcript/transcript.txt\","
      + "\"bucket\":\"daily-co-batch-processor-us-west-2\",\"region\":\"us-west-2\"}},"
      + "{\"format\":\"vtt\",\"s3Config\":{\"key\":\"dom/" + JOB_ID + "/transcript/transcript.vtt\","
      + "\"bucket\":\"daily-co-batch-processor-us-west-2\",\"region\":\"us-west-2\"}}]}";

  /** Daily's side of one job: submitted, then processing, then finished; links only once finished. */
  private void playDaily() {
    api.stubFor(post(urlPathEqualTo("/v1/batch-processor"))
        .willReturn(okJson("{\"id\":\"" + JOB_ID + "\"}")));
    String path = "/v1/batch-processor/" + JOB_ID;
    api.stubFor(get(urlPathEqualTo(path)).inScenario("job").whenScenarioStateIs(STARTED)
        .willSetStateTo("processing").willReturn(okJson(job(JOB_ID, "submitted", ""))));
    api.stubFor(get(urlPathEqualTo(path)).inScenario("job").whenScenarioStateIs("processing")
        .willSetStateTo("finished").willReturn(okJson(job(JOB_ID, "processing", ""))));
    api.stubFor(get(urlPathEqualTo(path)).inScenario("job").whenScenarioStateIs("finished")
        .willReturn(okJson(job(JOB_ID, "finished", OUTPUT))));
    for (String state : List.of(STARTED, "processing")) {
      api.stubFor(get(urlPathEqualTo(path + "/access-link")).inScenario("job").whenScenarioStateIs(state)
          .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
              .withBody("{\"error\":\"invalid-request-error\",\"info\":\"job " + JOB_ID + " is not finished\"}")));
    }
    String txt = "http://127.0.0.1:" + bucket.getPort() + "/dom/" + JOB_ID + "/transcript.txt"
        + "?X-Amz-Expires=3600&X-Amz-Signature=5ec7e75167";
    String vtt = "http://127.0.0.1:" + bucket.getPort() + "/dom/" + JOB_ID + "/transcript.vtt?X-Amz-Signature=0ff";
    api.stubFor(get(urlPathEqualTo(path + "/access-link")).inScenario("job").whenScenarioStateIs("finished")
        .willReturn(okJson("{\"id\":\"" + JOB_ID + "\",\"preset\":\"transcript\",\"status\":\"finished\","
            + "\"transcription\":[{\"format\":\"vtt\",\"link\":\"" + vtt + "\"},"
            + "{\"format\":\"txt\",\"link\":\"" + txt + "\"}]}")));
    api.stubFor(delete(urlPathEqualTo(path)).willReturn(okJson(job(JOB_ID, "finished", OUTPUT))));
    bucket.stubFor(get(urlPathEqualTo("/dom/" + JOB_ID + "/transcript.txt"))
        .withQueryParam("X-Amz-Signature", equalTo("5ec7e75167"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
            .withBody(TRANSCRIPT.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void submitPollThroughTheStatesFetchTheTranscriptAndDelete() throws Exception {
    playDaily();
    DailyClient daily = client();
    SubmitJobRequest request = BatchProcessorJobs.transcriptRequest(URI.create("https://media.example.com/standup.mp4"));
    request.getInParams().language("fr");

    String id = daily.batchProcessor().submit(request).getId();
    assertEquals(JOB_ID, id);
    // Too early for the output: Daily's documented 400, with its error body on the typed exception.
    BadRequestException early = assertThrows(BadRequestException.class, () -> daily.batchProcessor().transcript(id));
    assertEquals(400, early.statusCode());
    assertEquals("invalid-request-error", early.errorType().orElseThrow());
    assertEquals("job " + JOB_ID + " is not finished", early.vendorMessage().orElseThrow());

    BatchProcessorJob done = daily.batchProcessor().waitUntilDone(id, fakeTime());
    assertEquals(BatchProcessorJobStatus.FINISHED, done.getStatus());
    assertEquals("txt", done.getOutput().getTranscription().get(0).getFormat());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps, "two waits: submitted, processing");

    assertEquals(TRANSCRIPT, daily.transcript(done));

    BatchProcessorJob deleted = daily.batchProcessor().delete(id);
    assertEquals(JOB_ID, deleted.getId());
    assertEquals("us-west-2", deleted.getOutput().getTranscription().get(1).getS3Config().getRegion());

    List<LoggedRequest> seen = requests(api);
    assertEquals(List.of("POST /v1/batch-processor", "GET /v1/batch-processor/" + JOB_ID + "/access-link",
        "GET /v1/batch-processor/" + JOB_ID, "GET /v1/batch-processor/" + JOB_ID, "GET /v1/batch-processor/" + JOB_ID,
        "GET /v1/batch-processor/" + JOB_ID + "/access-link", "DELETE /v1/batch-processor/" + JOB_ID),
        seen.stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList());
    for (LoggedRequest r : seen) {
      assertEquals("Bearer " + KEY, r.getHeader("Authorization"), r.getUrl());
    }
    JsonNode body = Json.mapper().readTree(seen.get(0).getBodyAsString());
    assertEquals(Json.mapper().readTree("{\"preset\":\"transcript\",\"inParams\":{\"sourceType\":\"uri\","
        + "\"uri\":\"https://media.example.com/standup.mp4\",\"language\":\"fr\"},"
        + "\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"transcript\"}}}"), body);
    assertTrue(seen.get(0).getHeader("Content-Type").startsWith("application/json"));

    List<LoggedRequest> fromBucket = requests(bucket);
    assertEquals(1, fromBucket.size(), "only the txt file is fetched");
    assertFalse(fromBucket.get(0).containsHeader("Authorization"), "the API key never goes to the bucket");
    assertFalse(fromBucket.get(0).getAllHeaderKeys().stream().anyMatch(h -> fromBucket.get(0).getHeader(h)
        .contains(KEY)), "no header carries the key");
  }

  @Test
  void transcribeSubmitsAndWaitsAndAFailedJobThrowsWithItsError() {
    api.stubFor(post(urlPathEqualTo("/v1/batch-processor")).willReturn(okJson("{\"id\":\"" + FAILED_ID + "\"}")));
    String path = "/v1/batch-processor/" + FAILED_ID;
    api.stubFor(get(urlPathEqualTo(path)).inScenario("failing").whenScenarioStateIs(STARTED)
        .willSetStateTo("error").willReturn(okJson(job(FAILED_ID, "processing", ""))));
    api.stubFor(get(urlPathEqualTo(path)).inScenario("failing").whenScenarioStateIs("error")
        .willReturn(okJson(job(FAILED_ID, "error",
            ",\"error\":\"Error: Failed to transcribe. May be invalid audio or silent file\""))));

    JobFailedException e = assertThrows(JobFailedException.class,
        () -> client().transcribe(URI.create("https://media.example.com/silence.mp3"), fakeTime()));

    assertEquals(JobState.FAILED, e.state());
    assertEquals("error", e.rawStatus());
    assertEquals("Error: Failed to transcribe. May be invalid audio or silent file", e.failureMessage().orElseThrow());
    BatchProcessorJob failed = e.job(BatchProcessorJob.class);
    assertEquals(FAILED_ID, failed.getId());
    assertEquals("fr", failed.getInput().getLanguage());
    api.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlPathEqualTo("/v1/batch-processor")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
        .matchingJsonPath("$.inParams.uri", equalTo("https://media.example.com/silence.mp3"))));
    assertEquals(3, requests(api).size(), "one submit, two polls, no retry");
  }

  @Test
  void everyDocumentedSubmitOptionIsSentAsTyped() throws Exception {
    api.stubFor(post(urlPathEqualTo("/v1/batch-processor")).willReturn(okJson("{\"id\":\"j-1\",\"extra\":1}")));
    SubmitJobRequest request = new SubmitJobRequest()
        .preset(BatchProcessorPreset.SOAP_NOTES)
        .inParams(new dev.sttclients.daily.model.BatchProcessorInParams()
            .sourceType(dev.sttclients.daily.model.BatchProcessorSourceType.TRANSCRIPT_URI)
            .transcriptUri("https://example.com/t.json"))
        .outParams(new dev.sttclients.daily.model.BatchProcessorOutParams().s3Config(
            new dev.sttclients.daily.model.OutputS3Config().s3KeyTemplate("p-{job_id}").useReplacement(true)))
        .transformParams(new BatchProcessorTransformParams().transcript(new TranscriptTransform()
            .language("en-US").model("nova-2").punctuate(true).profanityFilter(false)
            .putExtraItem("diarize", true)));
    request.getTransformParams().getTranscript().putAdditionalProperty("endpointing", 300);
    request.getTransformParams().getTranscript().putAdditionalProperty("redact", List.of("pci"));

    assertEquals("j-1", client().batchProcessor().submit(request).getId());

    assertEquals(Json.mapper().readTree("{\"preset\":\"soap-notes\",\"inParams\":{\"sourceType\":\"transcriptUri\","
        + "\"transcriptUri\":\"https://example.com/t.json\"},\"outParams\":{\"s3Config\":{\"s3KeyTemplate\":\"p-{job_id}\","
        + "\"useReplacement\":true}},\"transformParams\":{\"transcript\":{\"language\":\"en-US\",\"model\":\"nova-2\","
        + "\"profanity_filter\":false,\"punctuate\":true,\"extra\":{\"diarize\":true},\"endpointing\":300,"
        + "\"redact\":[\"pci\"]}}}"), Json.mapper().readTree(requests(api).get(0).getBodyAsString()));
  }

  @Test
  void aSubmitThatBreaksTheSpecSendsNothing() {
    DailyClient daily = client();
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> daily.batchProcessor()
        .submit(BatchProcessorJobs.transcriptRequest(URI.create("https://a.example/x.mp3")).outParams(null)));
    assertEquals("body.outParams", e.violations().get(0).field());
    assertThrows(RequestValidationException.class,
        () -> daily.transcribe(URI.create("ftp://a.example/x.mp3"), fakeTime()));
    assertThrows(RequestValidationException.class, () -> daily.transcribe((URI) null, fakeTime()));
    assertTrue(requests(api).isEmpty(), "nothing sent");
  }

  @Test
  void listAutoPagingFollowsStartingAfterKeepsTheFilterAndStopsAtAShortPage() {
    String one = "{\"id\":\"j5\",\"preset\":\"transcript\",\"status\":\"finished\"},"
        + "{\"id\":\"j4\",\"preset\":\"summarize\",\"status\":\"processing\"}";
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor")).withQueryParam("starting_after", absent())
        .willReturn(okJson("{\"total_count\":5,\"data\":[" + one + "]}")));
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor")).withQueryParam("starting_after", equalTo("j4"))
        .willReturn(okJson("{\"total_count\":5,\"data\":[{\"id\":\"j3\",\"preset\":\"transcript\",\"status\":\"error\"},"
            + "{\"id\":\"j2\",\"preset\":\"transcript\",\"status\":\"submitted\"}]}")));
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor")).withQueryParam("starting_after", equalTo("j2"))
        .willReturn(okJson("{\"total_count\":5,\"data\":[{\"id\":\"j1\",\"preset\":\"soap-notes\","
            + "\"status\":\"finished\",\"input\":{\"sourceType\":\"recordingId\"}}]}")));

    List<BatchProcessorJobSummary> all = new ArrayList<>();
    client().batchProcessor().listAutoPaging(ListParams.builder().limit(2).recordingId("rec-1").build())
        .forEach(all::add);

    assertEquals(List.of("j5", "j4", "j3", "j2", "j1"), all.stream().map(BatchProcessorJobSummary::getId).toList());
    assertEquals(BatchProcessorJobStatus.ERROR, all.get(2).getStatus());
    assertEquals(java.util.Map.of("sourceType", "recordingId"), all.get(4).getAdditionalProperty("input"));
    assertEquals(List.of("/v1/batch-processor?limit=2&recordingId=rec-1",
        "/v1/batch-processor?limit=2&starting_after=j4&recordingId=rec-1",
        "/v1/batch-processor?limit=2&starting_after=j2&recordingId=rec-1"),
        requests(api).stream().map(LoggedRequest::getUrl).toList());
  }

  @Test
  void listAutoPagingWalksBackwardsFromOldestWithEndingBefore() {
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor")).withQueryParam("ending_before", equalTo("OLDEST"))
        .willReturn(okJson("{\"total_count\":3,\"data\":[{\"id\":\"j2\",\"preset\":\"transcript\",\"status\":\"finished\"},"
            + "{\"id\":\"j1\",\"preset\":\"transcript\",\"status\":\"finished\"}]}")));
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor")).withQueryParam("ending_before", equalTo("j2"))
        .willReturn(okJson("{\"total_count\":3,\"data\":[{\"id\":\"j3\",\"preset\":\"transcript\",\"status\":\"finished\"}]}")));

    List<String> ids = client().batchProcessor().listAutoPaging(ListParams.builder().limit(2).endingBefore("OLDEST")
        .build()).stream().map(BatchProcessorJobSummary::getId).toList();

    assertEquals(List.of("j2", "j1", "j3"), ids);
    assertEquals(List.of("/v1/batch-processor?limit=2&ending_before=OLDEST", "/v1/batch-processor?limit=2&ending_before=j2"),
        requests(api).stream().map(LoggedRequest::getUrl).toList());
  }

  @Test
  void aFullPageWithoutMoreEndsWithAnEmptyPageAndALoopingCursorIsCaught() {
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor")).withQueryParam("starting_after", absent())
        .willReturn(okJson("{\"total_count\":1,\"data\":[{\"id\":\"j1\",\"preset\":\"transcript\",\"status\":\"finished\"}]}")));
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor")).withQueryParam("starting_after", equalTo("j1"))
        .willReturn(okJson("{\"total_count\":1,\"data\":[]}")));
    assertEquals(1, client().batchProcessor().listAutoPaging(ListParams.builder().limit(1).build()).stream().count());
    assertEquals(2, requests(api).size());

    api.resetAll();
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor"))
        .willReturn(okJson("{\"total_count\":9,\"data\":[{\"id\":\"same\",\"preset\":\"transcript\",\"status\":\"finished\"}]}")));
    assertThrows(dev.sttclients.runtime.errors.PaginationException.class,
        () -> client.batchProcessor().listAutoPaging(ListParams.builder().limit(1).build()).stream().count());
  }

  @Test
  void outputsStreamFromTheLinkWithoutTheKeyAndBadLinksFailTyped() throws Exception {
    bucket.stubFor(get(urlPathEqualTo("/out/summary.txt"))
        .willReturn(aResponse().withStatus(200).withBody("A short summary.")));
    bucket.stubFor(get(urlPathEqualTo("/out/expired.txt"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
            .withBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")));
    DailyClient daily = client();
    String base = "http://127.0.0.1:" + bucket.getPort();

    try (BinaryResponse file = daily.batchProcessor().openOutput(new AccessLink().format("txt")
        .link(base + "/out/summary.txt?X-Amz-Signature=abc"))) {
      assertEquals("A short summary.", new String(file.body().readAllBytes(), StandardCharsets.UTF_8));
    }
    bucket.verify(1, getRequestedFor(urlPathEqualTo("/out/summary.txt")).withoutHeader("Authorization"));

    var expired = assertThrows(dev.sttclients.runtime.errors.PermissionDeniedException.class,
        () -> daily.batchProcessor().openOutput(new AccessLink().format("txt")
            .link(base + "/out/expired.txt?X-Amz-Signature=s3cr3t")));
    assertTrue(expired.rawBody().contains("Request has expired"), expired.rawBody());
    assertFalse(expired.getMessage().contains("s3cr3t"), "a link's signature stays out of messages: "
        + expired.getMessage());

    RequestValidationException notHttps = assertThrows(RequestValidationException.class,
        () -> daily.batchProcessor().openOutput(new AccessLink().format("txt").link("file:///etc/passwd")));
    assertEquals("url", notHttps.violations().get(0).field());
    assertThrows(RequestValidationException.class,
        () -> daily.batchProcessor().openOutput(new AccessLink().format("txt").link("not a url")));
  }

  @Test
  void aTranscriptLongerThanTheLimitOrAJobWithoutOneIsTyped() {
    bucket.stubFor(get(urlPathEqualTo("/big.txt")).willReturn(aResponse().withStatus(200).withBody("x".repeat(5000))));
    String links = "{\"id\":\"j9\",\"preset\":\"transcript\",\"status\":\"finished\",\"transcription\":"
        + "[{\"format\":\"txt\",\"link\":\"http://127.0.0.1:" + bucket.getPort() + "/big.txt\"}]}";
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor/j9/access-link")).willReturn(okJson(links)));
    api.stubFor(get(urlPathEqualTo("/v1/batch-processor/s1/access-link")).willReturn(okJson(
        "{\"id\":\"s1\",\"preset\":\"summarize\",\"status\":\"finished\",\"summary\":{\"format\":\"txt\","
            + "\"link\":\"https://access-link-url.tld/file.txt\"}}")));
    DailyClient daily = client();

    assertEquals(5000, daily.batchProcessor().transcript("j9", 5000).length());
    MalformedResponseException tooLong = assertThrows(MalformedResponseException.class,
        () -> daily.batchProcessor().transcript("j9", 4999));
    assertTrue(tooLong.getMessage().contains("4999"), tooLong.getMessage());
    MalformedResponseException none = assertThrows(MalformedResponseException.class,
        () -> daily.batchProcessor().transcript("s1"));
    assertTrue(none.getMessage().contains("no txt transcript"), none.getMessage());
    BatchProcessorAccessLinks summary = daily.batchProcessor().getAccessLinks("s1");
    assertEquals("https://access-link-url.tld/file.txt", summary.getSummary().getLink());
    assertNull(summary.getTranscription());

    api.stubFor(get(urlPathEqualTo("/v1/batch-processor/gone/access-link")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"not-found\",\"info\":\"no such job\"}")));
    assertEquals("no such job", assertThrows(NotFoundException.class, () -> daily.batchProcessor().transcript("gone"))
        .vendorMessage().orElseThrow());
  }

  /** Every request the server saw, oldest first (WireMock lists the newest first). */
  private static List<LoggedRequest> requests(WireMockExtension server) {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events.stream().map(ServeEvent::getRequest).toList();
  }
}
