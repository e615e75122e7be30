package dev.sttclients.verbit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sttclients.verbit.model.JobInfo;
import dev.sttclients.verbit.model.JobStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Job info from a server that knows more than the spec: new statuses, extra fields, odd error items. */
class ResponseToleranceTest extends LocalVerbit {

  private JobInfo infoAnswering(String json, boolean strict) {
    server.stubFor(get(urlPathEqualTo("/api/job/info")).willReturn(okJson(json)));
    try (VerbitClient verbit = client().strictResponseValidation(strict).build()) {
      return verbit.jobs().info(42);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Pending,     PENDING",
      "In Progress, IN_PROGRESS",
      "Completed,   COMPLETED",
      "Complete,    COMPLETE",
      "Canceled,    CANCELED",
      "Failure,     FAILURE",
      "Error,       ERROR",
      "Archived,    UNKNOWN_DEFAULT_OPEN_API",
      "completed,   UNKNOWN_DEFAULT_OPEN_API"})
  void everyDocumentedStatusParsesAndAnUnknownOneDoesNotBreak(String wire, JobStatus expected) {
    JobInfo info = infoAnswering("{\"id\":42,\"job_status\":\"" + wire + "\"}", true);
    assertEquals(expected, info.getJobStatus());
    assertEquals(42L, info.getId());
  }

  @Test
  void undocumentedFieldsAreKeptAndDocumentedOnesStillParse() {
    JobInfo info = infoAnswering("{\"id\":42,\"name\":\"a.mp4\",\"profile\":\"Legal\",\"external_id\":\"x-1\","
        + "\"language\":\"en-US\",\"job_status\":\"Completed\","
        + "\"certification\":{\"transcriber\":\"J. Doe\",\"signature\":\"https://sig.example/1\"},"
        + "\"errors\":[{\"code\":\"failed_transcoding\",\"message\":\"Transcoding error\"},"
        + "{\"code\":\"7\",\"hint\":\"retry\"}],\"duration\":12.5}", false);

    assertEquals("a.mp4", info.getName());
    assertEquals("Legal", info.getProfile());
    assertEquals("x-1", info.getExternalId());
    assertEquals("en-US", info.getLanguage());
    assertEquals(JobStatus.COMPLETED, info.getJobStatus());
    // errors items: {"code", "message"} as "Errors Explanation" shows them; open, so extra fields are kept.
    assertEquals("failed_transcoding", info.getErrors().get(0).getCode());
    assertEquals("Transcoding error", info.getErrors().get(0).getMessage());
    assertEquals("7", info.getErrors().get(1).getCode());
    assertNull(info.getErrors().get(1).getMessage());
    assertEquals("retry", info.getErrors().get(1).getAdditionalProperty("hint"));
    assertEquals(Map.of("transcriber", "J. Doe", "signature", "https://sig.example/1"),
        info.getAdditionalProperty("certification"));
    assertEquals(12.5, info.getAdditionalProperty("duration"));
    assertNull(info.getAdditionalProperty("job_status"), "declared fields are not duplicated as extras");
  }

  /** JSON is read strictly (issue 16): a number where Verbit documents a string is not coerced, and says where. */
  @Test
  void aNumberWhereTheSpecSaysStringIsNamedNotCoerced() {
    dev.sttclients.runtime.errors.MalformedResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.sttclients.runtime.errors.MalformedResponseException.class,
        () -> infoAnswering("{\"id\":42,\"job_status\":\"Failure\",\"errors\":[{\"code\":7}]}", false));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at errors[0].code"), e.getMessage());
  }

  @Test
  void absentOptionalFieldsReadAsNull() {
    JobInfo info = infoAnswering("{\"id\":42,\"job_status\":\"Pending\"}", true);
    assertNull(info.getErrors());
    assertNull(info.getName());
  }
}
