package dev.sttclients.daily;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.daily.model.BatchProcessorJobStatus;
import dev.sttclients.daily.model.BatchProcessorSourceType;
import dev.sttclients.daily.model.DailyError;
import dev.sttclients.daily.model.DailyErrorType;
import dev.sttclients.daily.model.OutputFile;
import dev.sttclients.runtime.Json;
import dev.sttclients.runtime.errors.AuthenticationException;
import dev.sttclients.runtime.errors.BadRequestException;
import dev.sttclients.runtime.errors.NotFoundException;
import dev.sttclients.runtime.errors.PermissionDeniedException;
import dev.sttclients.runtime.errors.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Daily-specific behaviour: nested output files as typed objects, Daily's error body on the exceptions. */
class DailyClientTest {
  private static final String JOB_ID = "3ab8faa2-8ba2-4ee6-bd15-003a92c18245";
  private static final String JOB_PATH = "/v1/batch-processor/" + JOB_ID;

  /**
   * A finished job: two transcription files, the medical concepts, a SOAP note and a summary, each with its S3
   * location; plus an input field and an output Daily may add later (neither in the spec).
   */
  private static final String FINISHED_JOB = """
      {
        "id": "3ab8faa2-8ba2-4ee6-bd15-003a92c18245",
        "preset": "soap-notes",
        "status": "finished",
        "input": {"sourceType": "recordingId", "recordingId": "uuiasdfe-8ba2-4ee6-bd15-003a92c18245",
                  "language": "fr", "diarize": true},
        "output": {
          "transcription": [
            {"format": "txt", "s3Config": {"key": "dom/3ab8/transcript/output.txt", "bucket": "bucket-a", "region": "us-west-2"}},
            {"format": "vtt", "s3Config": {"key": "dom/3ab8/transcript/output.vtt", "bucket": "bucket-b", "region": "eu-central-1"}}
          ],
          "concept": {"format": "json", "s3Config": {"key": "dom/3ab8/concept/output.json", "bucket": "bucket-e", "region": "us-west-1"}},
          "soap": {"format": "json", "s3Config": {"key": "dom/3ab8/soap/output.json", "bucket": "bucket-c", "region": "us-east-1"}},
          "summary": {"format": "txt", "s3Config": {"key": "dom/3ab8/summary/output.txt", "bucket": "bucket-d", "region": "ap-south-1"}},
          "chapters": {"format": "json", "s3Config": {"key": "dom/3ab8/chapters.json", "bucket": "bucket-f", "region": "us-west-2"}}
        }
      }
      """;

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(options().bindAddress("127.0.0.1").dynamicPort())
      .build();
  private DailyClient daily;

  private DailyClient client() {
    daily = DailyClient.builder()
        .apiKey("test-key")
        .baseUrl("http://127.0.0.1:" + server.getPort() + "/v1")
        .maxRetries(0)
        .build();
    return daily;
  }

  @AfterEach
  void closeClient() {
    if (daily != null) {
      daily.close();
    }
  }

  private static void stubJob(int status, String body) {
    server.stubFor(get(urlPathEqualTo(JOB_PATH))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void nestedOutputFilesRoundTripAsTypedObjects() throws Exception {
    ObjectMapper mapper = Json.mapper();
    BatchProcessorJob job = mapper.readValue(FINISHED_JOB, BatchProcessorJob.class);

    assertEquals(BatchProcessorJobStatus.FINISHED, job.getStatus());
    assertEquals(BatchProcessorSourceType.RECORDING_ID, job.getInput().getSourceType());
    assertEquals("fr", job.getInput().getLanguage());
    OutputFile first = job.getOutput().getTranscription().get(0);
    assertEquals("txt", first.getFormat());
    assertEquals("bucket-a", first.getS3Config().getBucket());
    assertEquals("dom/3ab8/transcript/output.txt", first.getS3Config().getKey());
    assertEquals("eu-central-1", job.getOutput().getTranscription().get(1).getS3Config().getRegion());
    // concept, soap and summary are the same shape as a transcription entry
    assertEquals("bucket-e", job.getOutput().getConcept().getS3Config().getBucket());
    assertInstanceOf(OutputFile.class, job.getOutput().getSoap());
    assertEquals("bucket-c", job.getOutput().getSoap().getS3Config().getBucket());
    assertEquals("ap-south-1", job.getOutput().getSummary().getS3Config().getRegion());
    assertNull(job.getError());
    // What the spec does not list yet is kept, not dropped (input and output are open).
    assertEquals(true, job.getInput().getAdditionalProperty("diarize"));
    assertEquals("bucket-f", ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) job.getOutput()
        .getAdditionalProperty("chapters")).get("s3Config")).get("bucket"));

    JsonNode written = mapper.readTree(mapper.writeValueAsString(job));
    assertEquals(mapper.readTree(FINISHED_JOB), written);
  }

  @Test
  void getSendsBearerKeyUnderTheV1BasePathAndParsesTheJob() {
    DailyClient client = client();
    stubJob(200, FINISHED_JOB);

    BatchProcessorJob job = client.batchProcessor().get(JOB_ID);

    assertEquals("bucket-d", job.getOutput().getSummary().getS3Config().getBucket());
    server.verify(1, getRequestedFor(urlPathEqualTo(JOB_PATH))
        .withHeader("Authorization", equalTo("Bearer test-key")));
  }

  @Test
  void unknownJobIsNotFoundWithDailysErrorTypeAndInfo() {
    DailyClient client = client();
    stubJob(404, "{\"error\": \"not-found\", \"info\": \"job " + JOB_ID + " not found\"}");

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.batchProcessor().get(JOB_ID));

    assertEquals(404, e.statusCode());
    assertEquals("not-found", e.errorType().orElseThrow());
    assertEquals("job " + JOB_ID + " not found", e.vendorMessage().orElseThrow());
    assertEquals(DailyErrorType.NOT_FOUND, e.errorBody(DailyError.class).orElseThrow().getError());
    assertTrue(e.getMessage().contains("not-found"), e.getMessage());
    assertEquals(1, e.attempts());
  }

  @Test
  void badKeyIsAuthenticationErrorWithDailysErrorTypeAndInfo() {
    DailyClient client = client();
    stubJob(401, "{\"error\": \"authentication-error\", \"info\": \"API key not valid\"}");

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.batchProcessor().get(JOB_ID));

    assertEquals(401, e.statusCode());
    assertEquals("authentication-error", e.errorType().orElseThrow());
    assertEquals("API key not valid", e.vendorMessage().orElseThrow());
    assertEquals(DailyErrorType.AUTHENTICATION_ERROR, e.errorBody(DailyError.class).orElseThrow().getError());
    assertFalse(e.getMessage().contains("test-key"), "the key never appears in a message");
  }

  @Test
  void validKeyWithoutAccessIsPermissionDenied() {
    DailyClient client = client();
    stubJob(403, "{\"error\": \"forbidden-error\", \"info\": \"not allowed\"}");

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> client.batchProcessor().get(JOB_ID));

    assertEquals("forbidden-error", e.errorType().orElseThrow());
    assertEquals(DailyErrorType.FORBIDDEN_ERROR, e.errorBody(DailyError.class).orElseThrow().getError());
  }

  @Test
  void anErrorTypeDailyAddsLaterStaysReadable() {
    DailyClient client = client();
    stubJob(400, "{\"error\": \"quota-exceeded-error\", \"info\": \"monthly quota used up\"}");

    ServiceException e = assertThrows(BadRequestException.class, () -> client.batchProcessor().get(JOB_ID));

    // the typed body parses (open enum) and the exact string is still on the exception
    assertEquals(DailyErrorType.UNKNOWN_DEFAULT_OPEN_API, e.errorBody(DailyError.class).orElseThrow().getError());
    assertEquals("quota-exceeded-error", e.errorType().orElseThrow());
    assertEquals("monthly quota used up", e.vendorMessage().orElseThrow());
  }

  @Test
  void aJobStatusDailyAddsLaterDoesNotBreakParsing() throws Exception {
    BatchProcessorJob job = Json.mapper().readValue(
        "{\"id\": \"j1\", \"preset\": \"transcript\", \"status\": \"cancelled\", \"input\": {\"sourceType\": \"uri\"}}",
        BatchProcessorJob.class);

    assertEquals(BatchProcessorJobStatus.UNKNOWN_DEFAULT_OPEN_API, job.getStatus());
    assertEquals(BatchProcessorSourceType.URI, job.getInput().getSourceType());
  }
}
