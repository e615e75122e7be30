package dev.sttclients.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sttclients.runtime.SttClient;
import dev.sttclients.runtime.waiter.JobState;
import dev.sttclients.runtime.waiter.JobStatusValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every vendor's status-to-state table, derived from the specs: each spec declares one complete
 * {@code x-job-states} table on its status enum, and each status of each vendor reaches the user as the state the
 * table names, through the generated enum and through the neutral view over HTTP. Adding a status to a spec
 * without a mapping fails here.
 */
class JobStateTableTest {
  @RegisterExtension
  static WireMockExtension vendor = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final List<SttClient> clients = new ArrayList<>();

  @AfterAll
  static void closeClients() {
    clients.forEach(SttClient::close);
  }

  @TestFactory
  Stream<DynamicNode> everySpecMapsEveryStatusOnce() {
    return JobSpec.files().stream().map(file -> {
      String vendorName = JobSpec.vendorOf(file);
      return dynamicContainer(vendorName, Stream.of(
          dynamicTest(vendorName + ": exactly one status enum carries x-job-states", () ->
              assertEquals(1, JobSpec.statusSchemas(JobSpec.read(file)).size(),
                  "specs/" + file.getFileName() + " must declare its job statuses' x-job-states table once")),
          dynamicTest(vendorName + ": the table covers exactly the enum's values, with real states",
              () -> checkTable(file))));
    });
  }

  private static void checkTable(Path file) {
    for (JobSpec spec : JobSpec.all()) {
      if (!spec.vendor().equals(JobSpec.vendorOf(file))) {
        continue;
      }
      Set<String> missing = new LinkedHashSet<>(spec.statuses());
      missing.removeAll(spec.table().keySet());
      assertTrue(missing.isEmpty(), spec.vendor() + ": " + spec.statusSchema() + " values without an x-job-states entry: "
          + missing);
      Set<String> extra = new LinkedHashSet<>(spec.table().keySet());
      spec.statuses().forEach(extra::remove);
      assertTrue(extra.isEmpty(), spec.vendor() + ": x-job-states entries that are not values of "
          + spec.statusSchema() + ": " + extra);
      Set<String> states = Arrays.stream(JobState.values()).filter(s -> s != JobState.UNKNOWN).map(Enum::name)
          .collect(Collectors.toSet());
      spec.table().forEach((status, state) -> assertTrue(states.contains(state),
          spec.vendor() + ": '" + status + "' maps to '" + state + "', not one of " + states
              + " (UNKNOWN is for statuses the spec does not list)"));
      // A job API has a way to succeed and a way to fail.
      assertTrue(spec.table().containsValue("SUCCEEDED") && spec.table().containsValue("FAILED"), spec.vendor()
          + ": no SUCCEEDED or no FAILED status");
    }
  }

  @TestFactory
  Stream<DynamicNode> everyStatusOfEveryVendorReachesTheUserAsItsState() {
    return JobSpec.all().stream().map(spec -> {
      SttClient client = spec.client(vendor.baseUrl(), b -> b.maxRetries(0));
      clients.add(client);
      Jobs<?> jobs = Jobs.of(client);
      List<DynamicNode> cases = new ArrayList<>();
      for (String status : spec.statuses()) {
        String mapped = spec.table().get(status);
        cases.add(dynamicTest(spec.vendor() + ": " + spec.statusField() + " '" + status + "' -> " + mapped, () -> {
          assertNotNull(mapped, spec.vendor() + ": status '" + status + "' has no x-job-states entry");
          JobState expected = JobState.valueOf(mapped);
          // The generated enum, straight from the template.
          assertEquals(expected, generatedEnum(spec, status).jobState());
          // The neutral view, over HTTP: state, raw string, typed model.
          vendor.stubFor(get(anyUrl()).willReturn(okJson(spec.jobWith(status))));
          Job<?> job = jobs.get(spec.exampleId());
          assertEquals(expected, job.state());
          assertEquals(status, job.rawStatus());
          assertEquals(spec.vendor(), job.vendor());
          assertEquals(spec.jobSchema(), job.model().getClass().getSimpleName());
          if (!expected.isUnsuccessful()) {
            assertTrue(job.failureMessage().isEmpty(), "a failure message only for a failed job: " + job);
          }
        }));
      }
      String unlisted = "zz_status_" + spec.vendor() + "_added_later";
      cases.add(dynamicTest(spec.vendor() + ": a status the spec does not list -> UNKNOWN, raw string kept", () -> {
        assertEquals(JobState.UNKNOWN, generatedEnum(spec, unlisted).jobState());
        vendor.stubFor(get(anyUrl()).willReturn(okJson(spec.jobWith(unlisted))));
        Job<?> job = jobs.get(spec.exampleId());
        assertEquals(JobState.UNKNOWN, job.state());
        assertEquals(unlisted, job.rawStatus());
        assertFalse(job.state().isTerminal());
      }));
      cases.add(dynamicTest(spec.vendor() + ": the generated enum has exactly the spec's values", () -> {
        Class<?> e = generatedEnumClass(spec);
        List<String> values = Arrays.stream(e.getEnumConstants()).map(c -> ((JobStatusValue) c).getValue())
            .filter(v -> !v.equals("unknown_default_open_api")).toList();
        assertEquals(spec.statuses(), values);
        assertNotEquals(0, values.size());
      }));
      return dynamicContainer(spec.vendor(), cases);
    });
  }

  private static Class<?> generatedEnumClass(JobSpec spec) throws ClassNotFoundException {
    return Class.forName("dev.sttclients." + spec.vendor() + ".model." + spec.statusSchema());
  }

  private static JobStatusValue generatedEnum(JobSpec spec, String value) throws ReflectiveOperationException {
    return (JobStatusValue) generatedEnumClass(spec).getMethod("fromValue", String.class).invoke(null, value);
  }
}
