package dev.sttclients.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.sttclients.daily.model.BatchProcessorJob;
import dev.sttclients.gladia.model.PreRecordedJob;
import dev.sttclients.slng.model.BatchJob;
import dev.sttclients.verbit.model.JobInfo;
import java.util.List;

/**
 * One vendor's job fetch as the tests play it: where the job lives, how the key is sent, which of the spec's
 * examples is a finished, a failed and an unfinished job, an id the spec rejects, and the model the JSON is read into.
 */
record VendorCase(String vendor, String id, String path, String idQuery, String keyHeader, String keyPrefix,
    String doneExample, String failedExample, String runningExample, String malformedId, Class<?> model) {

  static List<VendorCase> all() {
    return List.of(
        new VendorCase("gladia", "45463597-20b7-4af7-b3b3-f5fb778203ab", "/v2/pre-recorded/45463597-20b7-4af7-b3b3-f5fb778203ab",
            null, "x-gladia-key", "", "done", "failed", "page-example", "abc", PreRecordedJob.class),
        new VendorCase("daily", "3ab8faa2-8ba2-4ee6-bd15-003a92c18245", "/batch-processor/3ab8faa2-8ba2-4ee6-bd15-003a92c18245",
            null, "Authorization", "Bearer ", "finished-transcript", "failed", "processing", "", BatchProcessorJob.class),
        new VendorCase("slng", "myjob123", "/v1/batch/jobs/myjob123", null, "Authorization", "Bearer ", "done",
            "failed", "queued", "abc-123", BatchJob.class),
        new VendorCase("verbit", "123456", "/job/info", "123456", "Authorization", "ApiToken ", "completed",
            "failure", "pending", "abc", JobInfo.class));
  }

  /** The operation that fetches one job (its operationId in the spec). */
  String fetchOperation() {
    return vendor.equals("verbit") ? "info" : "get";
  }

  /** The spec's example job named {@code example}. */
  String job(String example) {
    return Specs.json(vendor, fetchOperation(), 200, example);
  }

  MappingBuilder fetch() {
    MappingBuilder m = get(urlPathEqualTo(path));
    return idQuery == null ? m : m.withQueryParam("job_id", equalTo(idQuery));
  }

  RequestPatternBuilder fetched() {
    RequestPatternBuilder r = getRequestedFor(urlPathEqualTo(path));
    return idQuery == null ? r : r.withQueryParam("job_id", equalTo(idQuery));
  }

  String keyVariable() {
    return Vendor.named(vendor).orElseThrow().keyVariable();
  }

  @Override
  public String toString() {
    return vendor;
  }
}
