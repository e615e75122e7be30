package dev.sttclients.verbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sttclients.verbit.model.AddMediaRequest;
import dev.sttclients.verbit.model.JobInfo;
import dev.sttclients.verbit.model.JobStatus;
import dev.sttclients.verbit.model.NewJobRequest;
import dev.sttclients.verbit.model.StartProcessingRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole sandbox flow against a local fake of Verbit's sandbox: create, add media, start processing with
 * finish_in=0, poll info; the fake moves the job to Complete or Error only when the start request carries the
 * sandbox switches, so the test also proves what the client sent.
 */
class SandboxFlowTest extends LocalVerbit {

  /**
   * A sandbox job: info says Pending until perform_transcription arrives with exactly {@code startBody}, then
   * {@code finalStatus}.
   */
  private static void fakeSandboxJob(long jobId, String startBody, String finalStatus) {
    String scenario = "job-" + jobId;
    String id = String.valueOf(jobId);
    server.stubFor(post(urlPathEqualTo("/api/job/add_media")).withQueryParam("job_id", equalTo(id))
        .willReturn(okJson("{}")));
    server.stubFor(get(urlPathEqualTo("/api/job/info")).withQueryParam("job_id", equalTo(id))
        .inScenario(scenario).whenScenarioStateIs(STARTED)
        .willReturn(okJson("{\"id\":" + id + ",\"name\":\"meeting.mp4\",\"profile\":\"Standard\","
            + "\"job_status\":\"Pending\",\"errors\":[]}")));
    server.stubFor(post(urlPathEqualTo("/api/job/perform_transcription")).withQueryParam("job_id", equalTo(id))
        .withRequestBody(equalToJson(startBody))
        .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("finished")
        .willReturn(okJson("{}")));
    String errors = finalStatus.equals("Error") ? "[{\"message\":\"Simulated failure\"}]" : "[]";
    server.stubFor(get(urlPathEqualTo("/api/job/info")).withQueryParam("job_id", equalTo(id))
        .inScenario(scenario).whenScenarioStateIs("finished")
        .willReturn(okJson("{\"id\":" + id + ",\"name\":\"meeting.mp4\",\"profile\":\"Standard\","
            + "\"job_status\":\"" + finalStatus + "\",\"errors\":" + errors + "}")));
  }

  private static void fakeNewJob(long jobId) {
    server.stubFor(post(urlPathEqualTo("/api/job/new"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"job_id\":" + jobId + "}")));
  }

  @Test
  void createAddMediaStartAndInfoReportsCompleted() {
    fakeNewJob(1001);
    fakeSandboxJob(1001, "{\"finish_in\":0}", "Complete");
    try (VerbitClient verbit = client().build()) {
      long jobId = verbit.jobs().create(new NewJobRequest().profile("Standard").jobName("meeting.mp4")
          .language("en-US")).getJobId();
      assertEquals(1001, jobId);
      Map<String, Object> added = verbit.jobs().addMedia(jobId,
          new AddMediaRequest().mediaUrl("https://media.example.com/meeting.mp4"));
      assertTrue(added.isEmpty());
      assertEquals(JobStatus.PENDING, verbit.jobs().info(jobId).getJobStatus());

      verbit.jobs().startProcessing(jobId, new StartProcessingRequest().finishIn(0));
      JobInfo info = verbit.jobs().info(jobId);

      assertEquals(JobStatus.COMPLETE, info.getJobStatus());
      assertEquals(1001L, info.getId());
      assertEquals("Standard", info.getProfile());
      assertEquals(List.of(), info.getErrors());
    }

    List<LoggedRequest> seen = requests();
    assertEquals(5, seen.size(), "requests: " + seen);
    assertRequest(seen.get(0), "POST", "/api/job/new?v=4");
    assertJsonBody("{\"profile\":\"Standard\",\"job_name\":\"meeting.mp4\",\"language\":\"en-US\"}", seen.get(0));
    assertRequest(seen.get(1), "POST", "/api/job/add_media?v=4&job_id=1001");
    assertJsonBody("{\"media_url\":\"https://media.example.com/meeting.mp4\"}", seen.get(1));
    assertRequest(seen.get(2), "GET", "/api/job/info?v=4&job_id=1001");
    assertRequest(seen.get(3), "POST", "/api/job/perform_transcription?v=4&job_id=1001");
    assertJsonBody("{\"finish_in\":0}", seen.get(3));
    assertRequest(seen.get(4), "GET", "/api/job/info?v=4&job_id=1001");
    for (LoggedRequest r : seen) {
      assertFalse(r.getBodyAsString().contains("null"), "no nulls on the wire: " + r.getBodyAsString());
      if (r.getMethod().getName().equals("POST")) {
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
      }
    }
  }

  @Test
  void finishWithErrorEndsInErrorWithTheErrorsArray() {
    fakeNewJob(1002);
    fakeSandboxJob(1002, "{\"callback_url\":\"https://hooks.example.com/verbit?job=1002\",\"finish_in\":0,"
        + "\"finish_with_error\":true}", "Error");
    try (VerbitClient verbit = client().build()) {
      long jobId = verbit.jobs().create(new NewJobRequest().profile("Standard")).getJobId();
      verbit.jobs().addMedia(jobId, new AddMediaRequest().assetIds(List.of("a-1", "a-2")).mergeAssets(true));
      verbit.jobs().startProcessing(jobId, new StartProcessingRequest().finishIn(0).finishWithError(true)
          .callbackUrl("https://hooks.example.com/verbit?job=1002"));
      JobInfo info = verbit.jobs().info(jobId);

      assertEquals(JobStatus.ERROR, info.getJobStatus());
      assertEquals(1, info.getErrors().size());
      assertEquals("Simulated failure", info.getErrors().get(0).getMessage());
      assertNull(info.getErrors().get(0).getCode());
    }
    List<LoggedRequest> seen = requests();
    assertEquals(4, seen.size(), "requests: " + seen);
    assertJsonBody("{\"profile\":\"Standard\"}", seen.get(0));
    assertJsonBody("{\"asset_ids\":[\"a-1\",\"a-2\"],\"merge_assets\":true}", seen.get(1));
    assertRequest(seen.get(2), "POST", "/api/job/perform_transcription?v=4&job_id=1002");
    assertJsonBody("{\"callback_url\":\"https://hooks.example.com/verbit?job=1002\",\"finish_in\":0,"
        + "\"finish_with_error\":true}", seen.get(2));
  }

  @Test
  void startWithoutOptionsSendsAnEmptyObjectAndTheConfiguredVersion() {
    server.stubFor(post(urlPathEqualTo("/api/job/perform_transcription")).willReturn(okJson("{\"status\":\"ok\"}")));
    try (VerbitClient verbit = client().apiVersion(3).build()) {
      Map<String, Object> answer = verbit.jobs().startProcessing(77);
      assertEquals("ok", answer.get("status"));
      verbit.jobs().startProcessing(78, null);
    }
    List<LoggedRequest> seen = requests();
    assertRequest(seen.get(0), "POST", "/api/job/perform_transcription?v=3&job_id=77");
    assertJsonBody("{}", seen.get(0));
    assertRequest(seen.get(1), "POST", "/api/job/perform_transcription?v=3&job_id=78");
    assertJsonBody("{}", seen.get(1));
  }

  @Test
  void everyJsonFieldOfANewJobIsSentInSnakeCase() {
    fakeNewJob(5);
    try (VerbitClient verbit = client().build()) {
      verbit.jobs().create(new NewJobRequest().profile("Standard").jobName("a.mp4").externalId("db-1")
          .language("es-419").customDictionary("Verbit").permissions(List.of("finance")).labels(List.of("q3"))
          .jobMetadata(Map.of("department", "finance")).translationLanguages(List.of("fr-CA"))
          .translationProfile("tp").translationProcessingMode(NewJobRequest.TranslationProcessingModeEnum.RUSH));
    }
    assertJsonBody("{\"profile\":\"Standard\",\"job_name\":\"a.mp4\",\"external_id\":\"db-1\",\"language\":\"es-419\","
        + "\"custom_dictionary\":\"Verbit\",\"permissions\":[\"finance\"],\"labels\":[\"q3\"],"
        + "\"job_metadata\":{\"department\":\"finance\"},\"translation_languages\":[\"fr-CA\"],"
        + "\"translation_profile\":\"tp\",\"translation_processing_mode\":\"rush\"}", requests().get(0));
  }

  static void assertRequest(LoggedRequest r, String method, String url) {
    assertEquals(method, r.getMethod().getName(), "method of " + r.getUrl());
    assertEquals(url, r.getUrl());
    assertEquals("ApiToken " + KEY, r.getHeader("Authorization"));
    assertFalse(r.queryParameter("api_token").isPresent(), "no api_token in the query");
  }
}
