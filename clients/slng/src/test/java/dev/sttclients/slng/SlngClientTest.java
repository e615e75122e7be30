package dev.sttclients.slng;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.slng.model.BatchJobStatus;
import dev.sttclients.slng.model.SlngError;
import dev.sttclients.slng.model.TranscriptionConfig;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SLNG-specific behaviour: the jobId pattern enforced before sending, open objects kept whole, and SLNG's documented
 * error bodies ({@code {"error": "..."}}) read as the vendor message.
 */
class SlngClientTest {
  private static final String PATTERN = "^[a-zA-Z0-9]+$";

  /**
   * A failed job carrying fields SLNG's contract does not name, at every open level: job_config,
   * transcription_config, tracking, output_config, input_metadata (including the untyped source) and
   * output_metadata. (The error envelope is closed in SLNG's contract: only its message.)
   */
  private static final String JOB_WITH_UNKNOWN_FIELDS = """
      {
        "job_id": "abc123",
        "status": "FAILED",
        "organisation_id": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
        "job_config": {
          "type": "transcription",
          "priority": 5,
          "transcription_config": {
            "language": "en",
            "operating_point": "enhanced",
            "diarization": "speaker",
            "additional_vocab": [{"content": "SLNG", "sounds_like": ["sling"]}],
            "empty": "a field really named empty"
          },
          "tracking": {"title": "Meeting", "reference": "ref-9", "tags": ["q3", "board"], "room": 4},
          "output_config": {"srt_overrides": {"max_line_length": 37, "max_words": 9}}
        },
        "input_metadata": {
          "size_bytes": 5000000000,
          "duration_seconds": 1.5,
          "format": "wav",
          "mime_type": "audio/wav",
          "source": {"kind": "url", "url": "https://example.com/a.wav"},
          "channels": 2
        },
        "output_metadata": {"words": 0},
        "error_message": {"message": "bad header"},
        "submitted_at": "2026-04-13T12:00:00Z",
        "started_at": "2026-04-13T12:00:05Z",
        "completed_at": "2026-04-13T12:00:06Z",
        "deleted_at": null,
        "expired_at": null,
        "updated_at": "2026-04-13T12:00:06Z"
      }
      """;

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(options().bindAddress("127.0.0.1").dynamicPort())
      .build();
  private SlngClient slng;

  @BeforeEach
  void newClient() {
    slng = SlngClient.builder()
        .apiKey("test-token")
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .maxRetries(0)
        .build();
  }

  @AfterEach
  void closeClient() {
    slng.close();
  }

  private static void stubAnyJob(int status, String body) {
    server.stubFor(get(urlPathMatching("/v1/batch/jobs/.*"))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc-123", "../x", "a/b", "job 1", ""})
  void jobIdOutsideThePatternFailsBeforeAnyRequest(String jobId) {
    stubAnyJob(200, JOB_WITH_UNKNOWN_FIELDS);

    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> slng.batchJobs().get(jobId));

    assertTrue(e.getMessage().contains(PATTERN), e.getMessage());
    assertEquals("jobId", e.violations().get(0).field());
    assertEquals(0, e.attempts());
    server.verify(0, anyRequestedFor(anyUrl()));
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void aValidJobIdIsSentWithTheBearerToken() {
    stubAnyJob(200, JOB_WITH_UNKNOWN_FIELDS);

    BatchJob job = slng.batchJobs().get("abc123");

    assertEquals(BatchJobStatus.FAILED, job.getStatus());
    server.verify(1, getRequestedFor(urlPathEqualTo("/v1/batch/jobs/abc123"))
        .withHeader("Authorization", equalTo("Bearer test-token")));
  }

  @Test
  void unknownPropertiesOfOpenObjectsSurviveARoundTrip() throws Exception {
    ObjectMapper mapper = Json.mapper();
    BatchJob job = mapper.readValue(JOB_WITH_UNKNOWN_FIELDS, BatchJob.class);

    // documented fields stay typed
    assertEquals("transcription", job.getJobConfig().getType());
    assertEquals(TranscriptionConfig.OperatingPointEnum.ENHANCED,
        job.getJobConfig().getTranscriptionConfig().getOperatingPoint());
    assertEquals("sling", job.getJobConfig().getTranscriptionConfig().getAdditionalVocab().get(0).getSoundsLike().get(0));
    assertEquals("ref-9", job.getJobConfig().getTracking().getReference());
    assertEquals(List.of("q3", "board"), job.getJobConfig().getTracking().getTags());
    assertEquals(37, job.getJobConfig().getOutputConfig().getSrtOverrides().getMaxLineLength());
    assertEquals("bad header", job.getErrorMessage().getMessage());
    assertEquals(5_000_000_000L, job.getInputMetadata().getSizeBytes());
    assertEquals(OffsetDateTime.parse("2026-04-13T12:00:06Z"), job.getCompletedAt());
    // undocumented ones are kept, not dropped
    assertEquals(5, job.getJobConfig().getAdditionalProperty("priority"));
    assertEquals(4, job.getJobConfig().getTracking().getAdditionalProperty("room"));
    assertEquals("a field really named empty",
        job.getJobConfig().getTranscriptionConfig().getAdditionalProperty("empty"));
    assertEquals(Map.of("kind", "url", "url", "https://example.com/a.wav"),
        job.getInputMetadata().getAdditionalProperty("source"));
    assertEquals(2, job.getInputMetadata().getAdditionalProperty("channels"));
    assertEquals(9, job.getJobConfig().getOutputConfig().getSrtOverrides().getAdditionalProperty("max_words"));

    JsonNode written = mapper.readTree(mapper.writeValueAsString(job));
    assertEquals(mapper.readTree(JOB_WITH_UNKNOWN_FIELDS), written);
  }

  @Test
  void explicitNullsStayNullAndAbsentFieldsStayAbsent() throws Exception {
    ObjectMapper mapper = Json.mapper();
    String queued = "{\"job_id\": \"q1\", \"status\": \"QUEUED\", \"error_message\": null, \"started_at\": null,"
        + " \"submitted_at\": \"2026-04-13T14:00:00Z\", \"job_config\": {\"type\": \"transcription\"}}";
    BatchJob job = mapper.readValue(queued, BatchJob.class);

    assertNull(job.getStartedAt());
    assertTrue(job.getStartedAt_JsonNullable().isPresent(), "sent as null");
    assertFalse(job.getCompletedAt_JsonNullable().isPresent(), "not sent at all");
    assertTrue(job.getErrorMessage_JsonNullable().isPresent());
    assertNull(job.getOutputMetadata(), "an absent object is not an empty one");
    assertNull(job.getJobConfig().getOutputConfig());
    assertEquals(mapper.readTree(queued), mapper.readTree(mapper.writeValueAsString(job)));
  }

  @Test
  void aStatusSlngAddsLaterDoesNotBreakParsing() throws Exception {
    BatchJob job = Json.mapper().readValue("{\"job_id\": \"a1\", \"status\": \"ARCHIVED\"}", BatchJob.class);

    assertEquals(BatchJobStatus.UNKNOWN_DEFAULT_OPEN_API, job.getStatus());
  }

  @Test
  void slngsErrorBodyGivesTheVendorMessage() {
    String body = "{\"error\": \"Job not found\"}";
    stubAnyJob(404, body);

    NotFoundException e = assertThrows(NotFoundException.class, () -> slng.batchJobs().get("nosuchjob"));

    assertEquals(body, e.rawBody());
    assertEquals("Job not found", e.vendorMessage().orElseThrow());
    assertEquals("Job not found", e.errorBody(SlngError.class).orElseThrow().getError());
  }

  @Test
  void aBadKeyIsA403WithSlngsMessage() {
    stubAnyJob(403, "{\"error\": \"API key id not found\"}");

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> slng.batchJobs().get("abc123"));

    assertEquals(403, e.statusCode());
    assertEquals("API key id not found", e.vendorMessage().orElseThrow());
  }

  @Test
  void aFieldSlngDoesNotDocumentInAnErrorBodyStaysInTheRawBody() {
    String body = "{\"error\": \"job_id must be alphanumeric\", \"trace_id\": \"t-42\"}";
    stubAnyJob(400, body);

    BadRequestException e = assertThrows(BadRequestException.class, () -> slng.batchJobs().get("abc123"));

    assertEquals(400, e.statusCode());
    assertEquals(body, e.rawBody());
    assertEquals("job_id must be alphanumeric", e.vendorMessage().orElseThrow());
    assertEquals("job_id must be alphanumeric", e.errorBody(SlngError.class).orElseThrow().getError());
  }
}
