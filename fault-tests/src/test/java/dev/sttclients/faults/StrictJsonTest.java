package dev.sttclients.faults;

import static dev.sttclients.faults.Faults.JOB_ID;
import static dev.sttclients.faults.Faults.JOB_JSON;
import static dev.sttclients.faults.Faults.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sttclients.gladia.GladiaClient;
import dev.sttclients.gladia.model.JobStatus;
import dev.sttclients.runtime.errors.MalformedResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A response means one thing or nothing: duplicate keys (where the last one would silently win), tokens after the
 * document, and scalars of the wrong JSON type coerced into ints or enums are all MalformedResponseExceptions,
 * naming what was wrong. The job JSON is the suite's valid one with one change each.
 */
class StrictJsonTest {
  private final Harness h = new Harness();

  private static String job(String from, String to) {
    String changed = JOB_JSON.replace(from, to);
    if (changed.equals(JOB_JSON)) {
      throw new IllegalArgumentException("no " + from + " in the job JSON");
    }
    return changed;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "duplicate id, the last one would win  | \"request_id\" | \"id\":\"00000000-0000-0000-0000-000000000000\",\"request_id\" | Duplicate field 'id'",
      "a second document after the first     | \"error_code\":null} | \"error_code\":null} {}                                       | Trailing token",
      "garbage after the document            | \"error_code\":null} | \"error_code\":null}x                                        | Unrecognized token",
      "\"2\" for an int                      | \"version\":2        | \"version\":\"2\"                                            | at version",
      "2.5 for an int                        | \"version\":2        | \"version\":2.5                                              | at version",
      "true for an int                       | \"version\":2        | \"version\":true                                             | at version",
      "a number for an enum                  | \"status\":\"done\"  | \"status\":2                                                 | at status",
      "a boolean for an enum                 | \"status\":\"done\"  | \"status\":true                                              | at status",
      "a number for a string                 | \"request_id\":\"G-45463597\" | \"request_id\":45463597                             | at request_id"})
  void isMalformed(String what, String from, String to, String named) throws Exception {
    String body = job(from.trim(), to.trim());
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", body));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      MalformedResponseException e = fails(MalformedResponseException.class, () -> c.preRecorded().get(JOB_ID));
      assertTrue(e.getMessage().startsWith("gladia get: HTTP 200 expected a JSON PreRecordedJob body, got unreadable"
          + " JSON ("), e.getMessage());
      assertTrue(e.getMessage().contains(named.trim()), e.getMessage());
      assertEquals(body, e.rawBody());
      assertEquals(1, e.attempts());
    }
  }

  /** The control: the unchanged document, and an unknown enum string (open enums), still read. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "as sent                 | \"status\":\"done\" | \"status\":\"done\"     | DONE",
      "an unknown status string | \"status\":\"done\" | \"status\":\"archived\" | UNKNOWN_DEFAULT_OPEN_API"})
  void isRead(String what, String from, String to, JobStatus expected) throws Exception {
    String body = JOB_JSON.replace(from.trim(), to.trim());
    try (RawServer server = new RawServer((n, head, s) -> RawServer.respond(s, 200, "application/json", body));
        GladiaClient c = Faults.gladia(server.baseUrl(), h).build()) {
      assertEquals(expected, c.preRecorded().get(JOB_ID).getStatus());
    }
  }
}
