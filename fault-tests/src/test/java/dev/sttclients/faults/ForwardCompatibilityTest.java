package dev.sttclients.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.JOB_PATH;
import static dev.sttclients.faults.Faults.fails;
import static dev.sttclients.faults.Faults.serverSaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.JobPage;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.runtime.ApiResponse;
import dev.sttclients.runtime.RequestOptions;
import dev.sttclients.runtime.errors.ContractViolationException;
import dev.sttclients.runtime.errors.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * New server fields and values do not break old clients; a value outside a documented range still reaches
 * the user, unless the client asks for strict validation, which then names field, value and rule.
 */
class ForwardCompatibilityTest {
  private static final String LIST_PATH = "/v2/pre-recorded";

  @RegisterExtension
  static WireMockExtension wm = Faults.wireMock();

  private final Harness h = new Harness();

  private GladiaClient lenient() {
    return Faults.gladia(Faults.baseUrl(wm), h).build();
  }

  private GladiaClient strict() {
    return Faults.gladia(Faults.baseUrl(wm), h).strictResponseValidation(true).build();
  }

  private static String page(String... jobs) {
    return "{\"first\":\"https://api.gladia.io/v2/pre-recorded?offset=0\",\"current\":"
        + "\"https://api.gladia.io/v2/pre-recorded?offset=0\",\"next\":null,\"items\":[" + String.join(",", jobs) + "]}";
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryLevel() {
    String job = JOB_JSON.replace("\"version\":2,", "\"version\":2,\"brand_new\":{\"nested\":[1,2]},\"v3_flag\":true,");
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(okJson(
        page(job).replace("\"next\":null", "\"next\":null,\"total\":1"))));
    try (GladiaClient c = strict()) {
      JobPage p = c.preRecorded().list(null, null, null, null, null, null, null);
      assertEquals(1, p.getItems().size());
      assertEquals(JobStatus.DONE, p.getItems().get(0).getStatus());
      assertEquals(2, p.getItems().get(0).getVersion());
    }
  }

  @Test
  void unknownEnumValueMapsToTheUnknownConstantAndKeepsTheRawString() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(
        JOB_JSON.replace("\"status\":\"done\"", "\"status\":\"archived\"")
            .replace("\"kind\":\"pre-recorded\"", "\"kind\":\"live\""))));
    try (GladiaClient c = lenient()) {
      ApiResponse<PreRecordedJob> r = c.preRecorded().getWithResponse(JOB_ID, RequestOptions.none());
      assertEquals(JobStatus.UNKNOWN_DEFAULT_OPEN_API, r.body().getStatus());
      assertEquals(PreRecordedJob.KindEnum.UNKNOWN_DEFAULT_OPEN_API, r.body().getKind());
      assertEquals(Map.of("status", "archived", "kind", "live"), r.unknownEnumValues());
      Faults.RENDERED.add(r.toString());
    }
  }

  @Test
  void unknownEnumValuesInsideListsAreReportedByPath() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(okJson(
        page(JOB_JSON, JOB_JSON.replace("\"status\":\"done\"", "\"status\":\"paused\"")))));
    try (GladiaClient c = lenient()) {
      ApiResponse<JobPage> r = c.preRecorded().listWithResponse(null, null, null, null, null, null, null,
          RequestOptions.none());
      assertEquals(JobStatus.DONE, r.body().getItems().get(0).getStatus());
      assertEquals(JobStatus.UNKNOWN_DEFAULT_OPEN_API, r.body().getItems().get(1).getStatus());
      assertEquals(Map.of("items[1].status", "paused"), r.unknownEnumValues());
    }
  }

  @Test
  void knownValuesReportNothing() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(JOB_JSON)));
    try (GladiaClient c = strict()) {
      ApiResponse<PreRecordedJob> r = c.preRecorded().getWithResponse(JOB_ID, RequestOptions.none());
      assertEquals(Map.of(), r.unknownEnumValues());
      assertEquals(JobStatus.DONE, r.body().getStatus());
    }
  }

  @Test
  void outOfRangeValueStillDeserializesByDefault() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(
        JOB_JSON.replace("\"error_code\":null", "\"error_code\":600"))));
    try (GladiaClient c = lenient()) {
      assertEquals(600, c.preRecorded().get(JOB_ID).getErrorCode());
    }
  }

  @Test
  void strictValidationReportsTheOutOfRangeValueAsAContractViolation() {
    wm.stubFor(get(urlPathEqualTo(JOB_PATH)).willReturn(okJson(
        JOB_JSON.replace("\"error_code\":null", "\"error_code\":600"))));
    try (GladiaClient c = strict()) {
      ContractViolationException e = fails(ContractViolationException.class, () -> c.preRecorded().get(JOB_ID));
      assertEquals(List.of(new Violation("error_code", "600", "must be less than or equal to 599")), e.violations());
      assertEquals("gladia get: response breaks the spec: error_code=600 (must be less than or equal to 599)",
          e.getMessage());
      assertEquals(600, assertInstanceOf(PreRecordedJob.class, e.value()).getErrorCode());
      assertEquals(1, e.attempts());
    }
    assertEquals(1, serverSaw(wm));
  }

  @Test
  void strictValidationNamesNestedFieldsAndMissingRequiredFieldsButKeepsEnumsOpen() {
    String broken = JOB_JSON.replace("\"error_code\":null", "\"error_code\":399")
        .replace("\"status\":\"done\"", "\"status\":\"paused\"")
        .replace("\"id\":\"" + JOB_ID + "\",", "");
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(okJson(page(JOB_JSON, broken))));
    try (GladiaClient c = strict()) {
      ContractViolationException e = fails(ContractViolationException.class,
          () -> c.preRecorded().list(null, null, null, null, null, null, null));
      assertEquals(List.of(
          new Violation("items[1].error_code", "399", "must be greater than or equal to 400"),
          new Violation("items[1].id", "null", "must not be null")),
          e.violations(), "an unknown enum value ('paused') is not a violation: enums are open");
    }
  }
}
