package dev.sttclients.jobs;

import dev.sttclients.runtime.testing.FakeTime;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.daily.DailyClient;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.daily.model.BatchProcessorJobStatus;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.waiter.JobState;
import dev.sttclients.runtime.waiter.PollScheduler;
import dev.sttclients.runtime.waiter.WaitOptions;
import dev.sttclients.slng.SlngClient;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.slng.model.BatchJobStatus;
import dev.sttclients.verbit.VerbitClient;
import dev.sttclients.verbit.model.JobInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What is vendor-specific: each client's typed {@code waitUntilDone} (the README's snippets), each vendor's failure
 * message and times in the neutral view, and the neutral view's id handling.
 */
class VendorResourcesTest {
  private static final String GLADIA_ID = "45463597-20b7-4af7-b3b3-f5fb778203ab";
  private static final String DAILY_ID = "3ab8faa2-8ba2-4ee6-bd15-003a92c18245";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeTime time = new FakeTime();

  /** Fake time; the blocking form sleeps on it, the asynchronous one runs the next poll at once on this thread. */
  private WaitOptions options() {
    PollScheduler virtual = (task, delay) -> {
      time.advance(delay);
      task.run();
      return CompletableFuture.completedFuture(null);
    };
    return WaitOptions.builder().clock(time).sleeper(time).scheduler(virtual).executor(Runnable::run)
        .timeout(Duration.ofMinutes(10)).build();
  }

  private static void answers(String path, String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      var m = get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(i == 0 ? STARTED : "s" + i)
          .willReturn(okJson(bodies[i]));
      server.stubFor(i < bodies.length - 1 ? m.willSetStateTo("s" + (i + 1)) : m);
    }
  }

  private static int requests() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  private static String gladia(String status, String extra) {
    return "{\"id\":\"" + GLADIA_ID + "\",\"request_id\":\"G-1\",\"version\":2,\"status\":\"" + status
        + "\",\"created_at\":\"2023-12-28T09:04:17.210Z\",\"post_session_metadata\":{},\"kind\":\"pre-recorded\"" + extra
        + "}";
  }

  @Test
  void gladia() throws Exception {
    try (GladiaClient gladia = GladiaClient.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
      answers("/v2/pre-recorded/" + GLADIA_ID, gladia("queued", ""), gladia("processing", ""),
          gladia("done", ",\"completed_at\":\"2023-12-28T09:04:37.210Z\""));

      PreRecordedJob job = gladia.preRecorded().waitUntilDone(GLADIA_ID, options());

      assertEquals(JobStatus.DONE, job.getStatus());
      assertEquals(3, requests());

      server.resetAll();
      answers("/v2/pre-recorded/" + GLADIA_ID, gladia("error", ",\"completed_at\":\"2023-12-28T09:04:37.210Z\",\"error_code\":500"));
      JobFailedException e = assertThrows(JobFailedException.class,
          () -> gladia.preRecorded().waitUntilDone(GLADIA_ID, options()));
      assertEquals("error_code 500", e.failureMessage().orElseThrow());
      assertEquals(500, e.job(PreRecordedJob.class).getErrorCode());

      // The neutral view of the same failed job: times and failure message, no exception from get.
      Job<PreRecordedJob> view = Jobs.of(gladia).get(GLADIA_ID);
      assertEquals(JobState.FAILED, view.state());
      assertEquals("error", view.rawStatus());
      assertEquals(GLADIA_ID, view.id());
      assertEquals(OffsetDateTime.parse("2023-12-28T09:04:17.210Z"), view.createdAt().orElseThrow());
      assertEquals(OffsetDateTime.parse("2023-12-28T09:04:37.210Z"), view.completedAt().orElseThrow());
      assertEquals("error_code 500", view.failureMessage().orElseThrow());
      assertEquals(500, view.model().getErrorCode());
      assertEquals("gladia job " + GLADIA_ID + ": FAILED (\"error\"): error_code 500", view.toString());
    }
  }

  @Test
  void daily() throws Exception {
    String submitted = "{\"id\":\"" + DAILY_ID + "\",\"preset\":\"transcript\",\"status\":\"submitted\",\"input\":{}}";
    String finished = submitted.replace("submitted", "finished");
    String failed = "{\"id\":\"" + DAILY_ID + "\",\"preset\":\"transcript\",\"status\":\"error\",\"input\":{},"
        + "\"error\":\"Error: Failed to transcribe. May be invalid audio or silent file\"}";
    try (DailyClient daily = DailyClient.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
      answers("/batch-processor/" + DAILY_ID, submitted, finished);
      CompletableFuture<BatchProcessorJob> future = daily.batchProcessor().waitUntilDoneAsync(DAILY_ID, options());
      assertEquals(BatchProcessorJobStatus.FINISHED, future.get().getStatus());

      server.resetAll();
      answers("/batch-processor/" + DAILY_ID, failed);
      JobFailedException e = assertInstanceOf(JobFailedException.class, assertThrows(ExecutionException.class,
          () -> daily.batchProcessor().waitUntilDoneAsync(DAILY_ID, options()).get()).getCause());
      assertEquals("Error: Failed to transcribe. May be invalid audio or silent file", e.failureMessage().orElseThrow());

      Job<BatchProcessorJob> view = Jobs.of(daily).get(DAILY_ID);
      assertEquals(JobState.FAILED, view.state());
      assertTrue(view.createdAt().isEmpty() && view.completedAt().isEmpty()); // Daily's job carries no times
      assertEquals("Error: Failed to transcribe. May be invalid audio or silent file", view.failureMessage().orElseThrow());
    }
  }

  @Test
  void slng() {
    String queued = "{\"job_id\":\"myjob123\",\"status\":\"QUEUED\",\"submitted_at\":\"2026-04-13T12:00:00Z\"}";
    String decoding = queued.replace("QUEUED", "DECODING");
    String done = "{\"job_id\":\"myjob123\",\"status\":\"DONE\",\"submitted_at\":\"2026-04-13T12:00:00Z\","
        + "\"completed_at\":\"2026-04-13T12:01:30Z\"}";
    String failed = "{\"job_id\":\"myjob123\",\"status\":\"FAILED\",\"submitted_at\":\"2026-04-13T12:00:00Z\","
        + "\"error_message\":{\"code\":\"unsupported_audio\",\"message\":\"The audio file could not be decoded.\"}}";
    try (SlngClient slng = SlngClient.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
      answers("/v1/batch/jobs/myjob123", queued, decoding, done);
      assertEquals(BatchJobStatus.DONE, slng.batchJobs().waitUntilDone("myjob123", options()).getStatus());

      server.resetAll();
      answers("/v1/batch/jobs/myjob123", failed);
      JobFailedException e = assertThrows(JobFailedException.class,
          () -> slng.batchJobs().waitUntilDone("myjob123", options()));
      assertEquals("The audio file could not be decoded.", e.failureMessage().orElseThrow());

      server.resetAll();
      answers("/v1/batch/jobs/myjob123", queued.replace("QUEUED", "DELETED"));
      assertEquals(JobState.DELETED, assertThrows(JobFailedException.class,
          () -> slng.batchJobs().waitUntilDone("myjob123", options())).state());

      server.resetAll();
      answers("/v1/batch/jobs/myjob123", done);
      Job<BatchJob> view = Jobs.of(slng).get("myjob123");
      assertEquals(OffsetDateTime.parse("2026-04-13T12:00:00Z"), view.createdAt().orElseThrow());
      assertEquals(OffsetDateTime.parse("2026-04-13T12:01:30Z"), view.completedAt().orElseThrow());
      assertTrue(view.failureMessage().isEmpty());
    }
  }

  @Test
  void verbit() {
    String inProgress = "{\"id\":123456,\"job_status\":\"In Progress\",\"errors\":[]}";
    String complete = "{\"id\":123456,\"job_status\":\"Complete\",\"errors\":[]}";
    String error = "{\"id\":123456,\"job_status\":\"Error\",\"errors\":[{\"message\":\"Simulated failure\"}]}";
    try (VerbitClient verbit = VerbitClient.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
      answers("/job/info", inProgress, complete); // the sandbox's spelling of success
      JobInfo job = verbit.jobs().waitUntilDone(123456L, options());
      assertEquals(dev.sttclients.verbit.model.JobStatus.COMPLETE, job.getJobStatus());

      server.resetAll();
      answers("/job/info", error);
      JobFailedException e = assertThrows(JobFailedException.class,
          () -> verbit.jobs().waitUntilDone(123456L, options()));
      assertEquals("[{\"message\":\"Simulated failure\"}]", e.failureMessage().orElseThrow());
      assertEquals("Error", e.rawStatus());

      server.resetAll();
      answers("/job/info", inProgress.replace("In Progress", "Canceled"));
      assertEquals(JobState.CANCELED, Jobs.of(verbit).get("123456").state());
      assertEquals(JobState.CANCELED, assertThrows(JobFailedException.class,
          () -> Jobs.of(verbit).waitUntilDone("123456", options())).state());
      int before = requests();

      // Verbit's ids are numbers: anything else fails before a request, naming the parameter.
      RequestValidationException bad = assertThrows(RequestValidationException.class,
          () -> Jobs.of(verbit).get("12ab"));
      assertEquals("job_id", bad.violations().get(0).field());
      assertInstanceOf(RequestValidationException.class, assertThrows(ExecutionException.class,
          () -> Jobs.of(verbit).waitUntilDoneAsync("12ab", options()).get()).getCause());
      assertThrows(RequestValidationException.class, () -> Jobs.of(verbit).get("0")); // the spec's minimum: 1
      assertEquals(before, requests());
    }
  }

  @Test
  void theNeutralViewTakesAnyOfTheFourClients() {
    try (SttClient gladia = GladiaClient.builder().apiKey("k").baseUrl(server.baseUrl()).build();
        SttClient verbit = VerbitClient.builder().apiKey("k").baseUrl(server.baseUrl()).build()) {
      assertEquals("gladia", Jobs.of(gladia).vendor());
      assertEquals("verbit", Jobs.of(verbit).vendor());
      assertThrows(IllegalArgumentException.class, () -> Jobs.of((SttClient) null));
      // A malformed Gladia id fails in the generated validation, before any request.
      assertThrows(RequestValidationException.class, () -> Jobs.of(gladia).get("not-a-uuid"));
      assertEquals(0, requests());
    }
  }
}
